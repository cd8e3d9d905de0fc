export function discountLabel(price: number): string {
  return `${(price * 0.15).toFixed(2)} off (${(0.15).toFixed(1)})`;
}
