/** `text` as a literal inside a regular expression (`a.b` → `a\.b`). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
