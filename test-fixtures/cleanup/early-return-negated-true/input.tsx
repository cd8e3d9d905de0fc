export function Banner({ client }: Props) {
  if (!client.isEnabled('new-checkout')) return null;
  return <div className="banner">New checkout!</div>;
}
