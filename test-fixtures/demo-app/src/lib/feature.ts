import { OpenFeature } from '@openfeature/server-sdk';

const client = OpenFeature.getClient('shop');

/** The shop's own wrapper, matched by the `isFeatureOn` custom pattern in flagsweep.config.json. */
export async function isFeatureOn(key: string): Promise<boolean> {
  return client.getBooleanValue(key, false);
}
