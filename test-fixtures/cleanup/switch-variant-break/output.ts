export function layout(client: Client) {
  let cols = 1;
  cols = 3;
  return cols;
}
