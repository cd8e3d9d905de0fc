const themeConfig = { color: 'blue' };

export function theme(client: Client) {
  return themeConfig;
}
