import { useFlag, useBooleanFlagValue as useOn, useStringFlagValue } from '@openfeature/react-sdk';

export function Banner() {
  const { value: showBanner } = useFlag('show-banner', true);
  const compact = useOn('compact-banner', false);
  const color = useStringFlagValue('banner-color', 'blue');
  return showBanner ? <div className={compact ? color : ''} /> : null;
}
