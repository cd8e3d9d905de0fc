export function collect(client: Client, rows: string[]) {
  const out: string[] = [];
  for (const row of rows) {
    if (client.isEnabled('skip-empty') && row === '') continue;
    out.push(row);
  }
  return out;
}
