export function Page({ client }: Props) {
  return <Checkout modern={true} />;
}
