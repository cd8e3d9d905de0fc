import type { FileScope } from './file-scope';
import { escapeRegExp } from '../text/regexp';

/**
 * Where the names matchers look for occur in a file's text. A subtree whose text holds none of them cannot hold
 * a match (every matcher keys on a name written inside the node it matches), so the walk skips it.
 */
export class Occurrences {
  private readonly positions: number[] = [];

  constructor(text: string, names: Iterable<string>) {
    const escaped = [...new Set(names)].filter((n) => n.length > 0).map(escapeRegExp);
    if (escaped.length === 0) return;
    const re = new RegExp(escaped.join('|'), 'g');
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
