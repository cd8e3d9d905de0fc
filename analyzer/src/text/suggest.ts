/**
 * "Did you mean": the known name closest to `name` by edit distance (case-insensitive), when it is close enough to be
 * a likely typo: at most a third of the name's length, and never fewer than 2 edits allowed. Ties go to the
 * alphabetically first. Shared by `flagsweep cleanup` and the ESLint rule no-unknown-flag.
 */
export function nearestKey(name: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate === name || Math.abs(candidate.length - name.length) > limit) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * Levenshtein distance with adjacent transpositions counted as one edit (`mdoe` → `mode` is 1). Three rows of the
 * table, not all of it: the ESLint rule no-unknown-flag asks for every unknown read against every known key.
 */
export function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  let before = new Int32Array(cols);
  let previous = new Int32Array(cols);
  let row = new Int32Array(cols);
  for (let j = 0; j < cols; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row[j] = d;
    }
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length];
}
