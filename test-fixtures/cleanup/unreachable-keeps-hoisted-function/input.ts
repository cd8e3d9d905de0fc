export function run(client: Client) {
  if (client.isEnabled('new-checkout')) {
    return helper();
  }
  legacy();
  return 0;

  function helper() {
    return 1;
  }
}
