import { UnleashClient } from 'unleash-proxy-client';

const unleash = new UnleashClient({ url: 'https://flags.example/api/frontend', clientKey: 'frontend', appName: 'shop' });

export function bannerText(): string | undefined {
  return unleash.isEnabled('legacy-banner') ? 'Join our loyalty program' : undefined;
}
