import { useFlags, useLDClient } from 'launchdarkly-react-client-sdk';

export function Nav() {
  const { newNavigation, darkMode: dark } = useFlags();
  const flags = useFlags();
  const ldClient = useLDClient();
  const beta = ldClient?.variation('beta-banner', false);
  return flags.searchV2 && newNavigation && dark && beta;
}
