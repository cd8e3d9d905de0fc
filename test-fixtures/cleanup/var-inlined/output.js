function run() {
  return 'new';
}
