import { warmCache, track } from './boot'

export function boot(items: string[]) {
  const total = items.length
  ;(async () => { await warmCache(total) })()
  const seen = new Set(items)
  ;[...seen].forEach(track)
  ;(async () => { await warmCache(0) })()
  track('new');
  `${seen.size}`.length
  return seen
}
