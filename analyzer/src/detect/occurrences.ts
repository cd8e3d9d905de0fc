import type { FileScope } from './file-scope';
import { escapeRegExp } from '../text/regexp';

/**
 * Where the names matchers look for occur in a file's text. A subtree whose text holds none of them cannot hold
 * a match (every matcher keys on a name written inside the node it matches), so the walk skips it.
 */
export class Occurrences {
  private readonly positions: number[] = [];

  constructor(text: string, names: Iterable<string>) {
    const re = searchFor(names);
    if (!re) return;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) this.positions.push(m.index);
  }

  /** Is there an occurrence starting in [start, end)? */
  within(start: number, end: number): boolean {
    const p = this.positions;
    let lo = 0;
    let hi = p.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < p.length && p[lo] < end;
  }
}

/** Files of a project mostly look for the same names: one compiled search per set of names. */
const searches = new Map<string, RegExp | undefined>();

function searchFor(names: Iterable<string>): RegExp | undefined {
  const unique = [...new Set(names)].filter((n) => n.length > 0);
  const key = unique.join('\0');
  let re = searches.get(key);
  if (re === undefined && !searches.has(key)) {
    if (searches.size >= 64) searches.clear();
    re = unique.length > 0 ? new RegExp(unique.map(escapeRegExp).join('|'), 'g') : undefined;
    searches.set(key, re);
  }
  return re;
}

/**
 * The names any matcher could key on in this file: pattern names, flag functions, and the local names of imports
 * that rename one of those (`import { useFlag as useToggle }`). With flag factories on, every imported name counts
 * (a made flag may be imported under any name). Other imports are left out: a React component imports dozens of
 * names, and looking for each of them everywhere made this search cost more than the parse.
 */
export function matchableNames(scope: FileScope): string[] {
  const set = scope.ctx.patterns;
  const names = [...set.callsByName.keys(), ...set.membersByLast.keys(), ...set.jsxByName.keys(), ...set.configEntries.keys(), ...set.definedFlagFunctions];
  const known = new Set(names);
  for (const [local, imp] of scope.imports) if (set.hasDefinitions || known.has(imp.imported)) names.push(local);
  return names;
}
