export function useFilterCards(all: Filter[]): Filter[] {
  // Filters come from the API in display order
  let filters = all
  const displayActive = useFeatureFlag('FFM_3938_STALE_FLAGS')
  // remove the 'Active Flags' card if feature flag FFM_3938_STALE_FLAGS is not enabled
  if (!displayActive) {
    filters = filters.filter(f => f.label !== 'active')
  }
  // FFM_3938_STALE_FLAGS also renamed the stale card: keep it last
  return sortStaleLast(filters)
}
