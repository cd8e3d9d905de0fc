export function Layout({ client }: Props) {
  const v = client.getVariant('checkout-variant', 'a');
  return v === 'a' ? <A /> : v === 'b' ? <B /> : <C />;
}
