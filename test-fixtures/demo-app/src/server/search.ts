import { OpenFeature } from '@openfeature/server-sdk';
import { FLAGS } from '../flags';

const flags = OpenFeature.getClient('search');

export async function search(query: string): Promise<string[]> {
  const fuzzy = await flags.getBooleanValue(FLAGS.NEW_SEARCH, false);
  return fuzzy ? fuzzySearch(query) : exactSearch(query);
}

function fuzzySearch(query: string): string[] {
  return [`~${query}`];
}

function exactSearch(query: string): string[] {
  return [query];
}
