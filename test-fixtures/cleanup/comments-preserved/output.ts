export function run(client: Client) {
  /* setup */ prepare(); // keep me
  // the new flow
  modern(); /* inline */
  // tail comment
  return finish();
}
