import { flags } from './flags';

export function Toolbar({ isAdmin, items, label }: Props) {
  const endIcon = flags.isEnabled('new-checkout') ? <CartIcon /> : undefined;
  const badge = flags.isEnabled('new-checkout') ? <Badge /> : null;
  return (
    <Bar>
      <Button endIcon={endIcon} disabled={isAdmin && !flags.isEnabled('new-checkout')}>
        {label}
      </Button>
      {badge}
      {isAdmin && flags.isEnabled('new-checkout')}
      {items.length && flags.isEnabled('new-checkout')}
      {null}
    </Bar>
  );
}
