export function useFilterCards(all: Filter[]): Filter[] {
  // Filters come from the API in display order
  const filters = all
  // FFM_3938_STALE_FLAGS also renamed the stale card: keep it last
  return sortStaleLast(filters)
}
