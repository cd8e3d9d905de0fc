export function Layout({ client }: Props) {
  return <C />;
}
