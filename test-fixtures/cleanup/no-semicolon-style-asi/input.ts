import { warmCache, track } from './boot'

export function boot(items: string[]) {
  const total = items.length
  if (client.isEnabled('new-boot')) {
    (async () => { await warmCache(total) })()
  }
  const seen = new Set(items)
  client.isEnabled('new-boot') && [...seen].forEach(track)
  if (!client.isEnabled('new-boot')) {
    track('legacy')
  }
  (async () => { await warmCache(0) })()
  if (client.isEnabled('new-boot')) {
    track('new')
  }
  `${seen.size}`.length
  return seen
}
