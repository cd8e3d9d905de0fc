export function Page({ client }: Props) {
  return <Button label={'Pay'} size="l" />;
}
