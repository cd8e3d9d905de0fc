import { escapeRegExp } from '../text/regexp';

/**
 * Whole-line `//` comments that name the flag (`// remove the Active card if FFM_3938 is not enabled`) and sat right
 * above code the cleanup changed or removed: they describe what is gone, so they go too. A comment whose next code
 * line is unchanged stays (it may describe something else), and so does any comment the file repeats.
 */
export function dropStaleFlagComments(before: string, after: string, names: readonly string[]): string {
  if (names.length === 0) return after;
  const named = new RegExp(`(^|[^\\w$])(${names.map(escapeRegExp).join('|')})($|[^\\w$])`);
  const mentions = (line: string): boolean => named.test(line);
  const beforeLines = before.split('\n');
  const afterLines = after.split('\n');
  const isComment = (l: string): boolean => /^\s*\/\//.test(l);
  const nextCode = (lines: string[], from: number): string | undefined => {
    for (let i = from; i < lines.length; i++) if (!isComment(lines[i]) && lines[i].trim() !== '') return lines[i].trim();
    return undefined;
  };
  const drop = new Set<number>();
  for (let i = 0; i < afterLines.length; i++) {
    const line = afterLines[i];
    if (!isComment(line) || !mentions(line)) continue;
    const same = beforeLines.flatMap((l, j) => (l === line ? [j] : []));
    if (same.length !== 1 || afterLines.filter((l) => l === line).length !== 1) continue;
    if (nextCode(beforeLines, same[0] + 1) === nextCode(afterLines, i + 1)) continue;
    // The comment block it belongs to, as the author wrote it (comment lines around it before the cleanup).
    let start = same[0];
    while (start > 0 && isComment(beforeLines[start - 1])) start--;
    let end = same[0];
    while (end + 1 < beforeLines.length && isComment(beforeLines[end + 1])) end++;
    const from = i - (same[0] - start);
    const block = beforeLines.slice(start, end + 1);
    if (from < 0 || block.some((l, k) => afterLines[from + k] !== l)) continue;
    for (let k = 0; k < block.length; k++) drop.add(from + k);
  }
  if (drop.size === 0) return after;
  return afterLines.filter((_, i) => !drop.has(i)).join('\n');
}
