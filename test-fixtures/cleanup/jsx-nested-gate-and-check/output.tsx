export function Page({ client }: Props) {
  return <A />;
}
