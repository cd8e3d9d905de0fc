export function run(client: Client) {
  /* setup */ prepare(); // keep me
  if (client.isEnabled('new-checkout')) {
    // the new flow
    modern(); /* inline */
  } else {
    // the old flow
    legacy();
  }
  // tail comment
  return finish();
}
