import { OpenFeature } from '@openfeature/server-sdk';
import { NEW_CHECKOUT } from './flags';

const client = OpenFeature.getClient();

export async function checkoutPage(cartId: string): Promise<string> {
  if (await client.getBooleanValue(NEW_CHECKOUT, false)) {
    return `one-page checkout for ${cartId}`;
  }
  return `classic checkout for ${cartId}`;
}
