export function shift(slot: number): number {
  return slot-(-2) + (-2) ** 2 + (-2).valueOf();
}
