export function banner(client: Client) {
  const text = client.getVariant('banner-text', 'Hi');
  return `${text}, world`;
}
