export function Banner({ client }: Props) {
  return <div className="banner">New checkout!</div>;
}
