export function Toolbar({ isAdmin, items, label }: Props) {
  return (
    <Bar>
      <Button disabled={isAdmin}>
        {label}
      </Button>
      {items.length && false}
      {null}
    </Bar>
  );
}
