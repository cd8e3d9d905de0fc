import { initialize, isEnabled } from 'unleash-client';

const unleash = initialize({ url: 'http://127.0.0.1:4242/api', appName: 'shop' });

export function flags(ctx: { userId: string }) {
  const a = unleash.isEnabled('new-search', ctx);
  const b = unleash.isEnabled('payments-v2', ctx, true);
  const c = isEnabled('legacy-export');
  const variant = unleash.getVariant('hero-copy', ctx);
  return { a, b, c, variant };
}
