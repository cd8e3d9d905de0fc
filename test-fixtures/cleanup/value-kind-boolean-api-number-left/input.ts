import { OpenFeature } from '@openfeature/server-sdk';

const client = OpenFeature.getClient();

export async function search(q: string) {
  if (await client.getBooleanValue('new-search', false)) return vectorSearch(q);
  return keywordSearch(q);
}
