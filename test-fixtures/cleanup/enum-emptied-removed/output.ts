export function run() {
  return true;
}
