export function checkout(client: Client, force: boolean) {
  let enabled = true;
  if (force) enabled = false;
  return enabled ? modern() : legacy();
}
