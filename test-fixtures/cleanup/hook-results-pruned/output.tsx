import { useMemo } from 'react';

export function BrandingBadge({ region }: Props) {
  const label = useMemo(() => 'teams', [region]);
  const visible = Boolean(region);

  return <Badge label={label} visible={visible} />;
}
