import { UnleashClient } from 'unleash-proxy-client';
import { NEW_CHECKOUT } from '../flags';

const unleash = new UnleashClient({ url: 'https://flags.example/api/frontend', clientKey: 'frontend', appName: 'shop' });

export function summaryTitle(items: number): string {
  const title = unleash.isEnabled(NEW_CHECKOUT) ? `Review ${items} items` : `Cart (${items})`;
  return title;
}
