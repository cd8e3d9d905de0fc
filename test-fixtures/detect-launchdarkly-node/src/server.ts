import * as ld from '@launchdarkly/node-server-sdk';

const client = ld.init(process.env.LD_SDK_KEY ?? '');

export async function pricing(context: ld.LDContext) {
  const tier = await client.variation('pricing-tier', context, 'basic');
  const fast = await client.boolVariation('fast-checkout', context, false);
  return client.jsonVariationDetail?.('x', context, {}) ?? { tier, fast };
}
