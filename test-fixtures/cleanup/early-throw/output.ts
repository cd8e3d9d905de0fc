export function validate(client: Client, input: string) {
  return input.trim();
}
