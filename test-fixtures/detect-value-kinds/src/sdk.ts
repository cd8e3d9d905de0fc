import { OpenFeature } from '@openfeature/server-sdk';
import { GrowthBook } from '@growthbook/growthbook';
import { Unleash } from 'unleash-client';

const client = OpenFeature.getClient();

export async function sdkReads(gb: GrowthBook, unleash: Unleash) {
  const ratio = await client.getNumberValue('sample-ratio', 0.5);
  const details = await client.getBooleanDetails('new-search', false);
  const temperature = gb.getFeatureValue('llm-temperature', 0.1);
  const banner = gb.getFeatureValue('banner-config', { title: 'Hi' });
  const theme = gb.getFeatureValue('theme', 'light');
  const unknown = gb.getFeatureValue('opaque', fallback);
  const { payload } = unleash.getVariant('checkout-variant');
  return [ratio, details, temperature, banner, theme, unknown, payload];
}
