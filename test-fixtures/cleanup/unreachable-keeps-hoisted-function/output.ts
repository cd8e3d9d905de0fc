export function run(client: Client) {
  return helper();
  function helper() {
    return 1;
  }
}
