function run(user) {
  if (user) {
    var on = flags.isEnabled('new-checkout');
  }
  return on ? 'new' : 'old';
}

function early() {
  log(ready);
  var ready = flags.isEnabled('new-checkout');
  return ready;
}
