export function layout(client: Client) {
  const parsed = JSON.parse('{"columns":2}');
  return parsed.columns;
}
