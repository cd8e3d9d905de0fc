import { OpenFeature } from '@openfeature/web-sdk';

const client = OpenFeature.getClient();

export function Banner() {
  const dark = client.getBooleanValue('dark-mode', false);
  return <div className={dark ? 'banner banner-dark' : 'banner'}>Welcome back</div>;
}
