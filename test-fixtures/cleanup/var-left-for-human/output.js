function run(user) {
  if (user) {
    var on = true;
  }
  return on ? 'new' : 'old';
}

function early() {
  log(ready);
  var ready = true;
  return ready;
}
