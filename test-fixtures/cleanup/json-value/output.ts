export function theme(client: Client) {
  return ({"color":"blue"});
}
