function run() {
  var on = flags.isEnabled('new-checkout');
  return on ? 'new' : 'old';
}
