import * as ld from '@launchdarkly/node-server-sdk';

export async function layout(client: ld.LDClient, ctx: ld.LDContext) {
  const variant = await client.variation('checkout-variant', ctx, 'a');
  return variant === 'b' ? twoColumn() : oneColumn();
}
