export function Page({ compact }: Props) {
  return compact ? <Small /> : <New />;
}
