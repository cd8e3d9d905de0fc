export function Extras({ client }: Props) {
  return (
    <div>
      <Rest />
    </div>
  );
}
