function run() {
  var on = true;
  return on ? 'new' : 'old';
}
