import { useFlags } from 'flagsmith/react';

export function Header() {
  const flags = useFlags(['header_banner', 'header_color']);
  return flags.header_banner.enabled ? flags.header_color.value : null;
}
