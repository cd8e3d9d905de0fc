export function validate(client: Client, input: string) {
  if (client.isEnabled('strict-mode')) {
    throw new Error('strict');
  }
  return input.trim();
}
