import { OpenFeature } from '@openfeature/server-sdk';

const client = OpenFeature.getClient();

export async function handler(req: Request) {
  const enabled = await client.getBooleanValue('new-checkout', false);
  if (enabled) {
    return newFlow(req);
  }
  return oldFlow(req);
}
