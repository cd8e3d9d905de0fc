import { OpenFeature } from '@openfeature/server-sdk';

const client = OpenFeature.getClient();

export async function checkout(user: { id: string }) {
  const v2 = await client.getBooleanValue('checkout-v2', false);
  const theme = await client.getStringValue('checkout-theme', 'light', { targetingKey: user.id });
  const limit = await client
    .getNumberValue(
      'cart-limit',
      25,
    );
  const details = await client.getObjectDetails('checkout-layout', { columns: 2 });
  return { v2, theme, limit, details };
}
