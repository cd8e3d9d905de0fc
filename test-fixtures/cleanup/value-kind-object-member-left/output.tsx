import { useFeatureValue } from '@growthbook/growthbook-react';

export function Banner() {
  const config = useFeatureValue('banner-config', null);
  return <h2 className="banner">{config.title}</h2>;
}
