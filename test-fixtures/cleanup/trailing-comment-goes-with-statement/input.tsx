export function Banner({ client }: Props) {
  if (!client.isEnabled('new-checkout')) return null; // not launched yet
  // render the banner
  return <div>New!</div>;
}
