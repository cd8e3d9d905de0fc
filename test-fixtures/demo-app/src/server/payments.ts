import { isFeatureOn } from '../lib/feature';

export async function chargeCard(amountCents: number): Promise<string> {
  // legacy-payments was deleted from the flag service, but this check is still here.
  if (await isFeatureOn('legacy-payments')) {
    return `legacy:${amountCents}`;
  }
  return `stripe:${amountCents}`;
}
