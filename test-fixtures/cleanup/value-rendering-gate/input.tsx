import { FeatureString } from '@growthbook/growthbook-react';

export function Banner() {
  return (
    <p>
      <FeatureString feature="banner-text" default="Hi" />
    </p>
  );
}
