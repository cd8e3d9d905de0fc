import { useFlag, useVariant } from '@unleash/proxy-client-react';

export function Widget() {
  const enabled = useFlag('widget-redesign');
  const variant = useVariant('widget-color');
  return enabled ? variant.name : null;
}
