export function useFilters(all: Filter[], extra: Filter[]): Filter[] {
  const displayActive = useFeatureFlag('FFM_3938')
  let filters = all
  if (!displayActive) {
    filters = filters.filter(f => f.label !== 'active')
  }
  let count = 0
  count += extra.length
  let untouched = extra
  return [...filters, ...untouched].slice(count)
}
