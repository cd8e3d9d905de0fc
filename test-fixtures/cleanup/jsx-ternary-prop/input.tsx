export function Page({ client }: Props) {
  return <Button label={client.isEnabled('new-checkout') ? 'Pay' : 'Buy'} size="l" />;
}
