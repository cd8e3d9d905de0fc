import { IfFeatureEnabled, FeatureString } from '@growthbook/growthbook-react';

export function Header() {
  return (
    <header>
      <IfFeatureEnabled feature="new-nav">
        <NewNav />
      </IfFeatureEnabled>
      <Logo />
    </header>
  );
}
