export async function load(client: Client) {
  return fetchOld();
}
