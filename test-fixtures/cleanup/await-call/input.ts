export async function load(client: Client) {
  if (await client.isEnabled('new-checkout')) {
    return fetchNew();
  }
  return fetchOld();
}
