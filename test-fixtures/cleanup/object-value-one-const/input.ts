import { GrowthBook } from '@growthbook/growthbook';
import { runSearch } from './search';

/** Searches with the tuned settings. */
export function search(gb: GrowthBook, q: string) {
  const searchConfig = gb.getFeatureValue('search-config', { topK: 5, mode: 'keyword' });
  return runSearch(q, searchConfig);
}

export function rerank(gb: GrowthBook, hits: Hit[]) {
  return rerankHits(hits, gb.getFeatureValue('search-config', { topK: 5, mode: 'keyword' }));
}

export function pageSize(gb: GrowthBook) {
  return gb.getFeatureValue('search-config', { topK: 5, mode: 'keyword' }).topK;
}
