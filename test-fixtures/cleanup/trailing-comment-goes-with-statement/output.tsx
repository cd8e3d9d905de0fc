export function Banner({ client }: Props) {
  // render the banner
  return <div>New!</div>;
}
