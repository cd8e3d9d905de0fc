import { useBooleanFlagValue } from '@openfeature/react-sdk';
import { FLAGS } from '../flags';

export function Banner() {
  const show = useBooleanFlagValue(FLAGS.HOLIDAY_BANNER, false);
  return show ? <aside className="banner">Holiday deals: free shipping</aside> : null;
}
