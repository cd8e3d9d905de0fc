export function greet(client: Client, name: string) {
  return `${client.getVariant('greeting', 'Hello')}, ${name}!`;
}
