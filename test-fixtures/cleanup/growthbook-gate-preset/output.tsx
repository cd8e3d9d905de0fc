import { FeatureString } from '@growthbook/growthbook-react';

export function Header() {
  return (
    <header>
      <NewNav />
      <Logo />
    </header>
  );
}
