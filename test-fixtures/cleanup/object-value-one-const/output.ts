import { GrowthBook } from '@growthbook/growthbook';
import { runSearch } from './search';

const searchConfig = { topK: 8, mode: 'hybrid' };

/** Searches with the tuned settings. */
export function search(gb: GrowthBook, q: string) {
  return runSearch(q, searchConfig);
}

export function rerank(gb: GrowthBook, hits: Hit[]) {
  return rerankHits(hits, searchConfig);
}

export function pageSize(gb: GrowthBook) {
  return 8;
}
