export function Page({ client }: Props) {
  return <Checkout modern={client.isEnabled('new-checkout')} />;
}
