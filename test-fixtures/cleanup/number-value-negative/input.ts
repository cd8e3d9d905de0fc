export function shift(slot: number): number {
  const offset = client.getVariant('slot-offset', 0);
  return slot-offset + offset ** 2 + offset.valueOf();
}
