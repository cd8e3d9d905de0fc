export const SEARCH_V3 = 'search-v3';
export const SEARCH_FILTERS = 'search-filters';
