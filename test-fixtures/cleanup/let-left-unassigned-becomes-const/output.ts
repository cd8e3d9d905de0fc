export function useFilters(all: Filter[], extra: Filter[]): Filter[] {
  const filters = all
  let count = 0
  count += extra.length
  let untouched = extra
  return [...filters, ...untouched].slice(count)
}
