import { useFlags } from 'launchdarkly-react-client-sdk';

export function Header() {
  const { darkMode } = useFlags();
  return <header className={darkMode ? 'theme-dark' : 'theme-light'}>Demo Shop</header>;
}
