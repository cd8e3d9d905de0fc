export function Resize({ types }: Props) {
  const saved = types.map((type) => save(type));
  return <Plain saved={saved} />;
}
