export function run(client: Client) {
  if (client.isEnabled('new-checkout')) {
    modern();

    finish();
  } else {
    legacy();
  }
}
