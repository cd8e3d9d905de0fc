export function greet(client: Client, name: string) {
  return `Hi \`you\` \${x}, ${name}!`;
}
