export function layout(client: Client) {
  const raw = client.getVariant('layout-json', null);
  const parsed = JSON.parse(raw);
  return parsed.columns;
}
