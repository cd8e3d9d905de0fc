export function discountLabel(price: number): string {
  const rate = client.getVariant('discount-rate', 0);
  return `${(price * rate).toFixed(2)} off (${client.getVariant('discount-rate', 0).toFixed(1)})`;
}
