import * as ld from '@launchdarkly/node-server-sdk';

const ldClient = ld.init(process.env.LD_SDK_KEY ?? '');

export async function priceTable(userKey: string): Promise<string> {
  const variant = await ldClient.variation('pricing-experiment', { kind: 'user', key: userKey }, 'control');
  return variant === 'tiered' ? 'tiered-prices' : variant === 'flat' ? 'flat-prices' : 'standard-prices';
}
