/**
 * A pattern like `^(a+)+$` takes exponential time on a near-miss ("aaaa…b"): a repeated group whose body can
 * itself repeat (star height 2) lets the engine split the same text in exponentially many ways. Key patterns run
 * on every key in every lint, so such a pattern would hang ESLint. This check refuses them up front: the
 * star-height test of safe-regex, plus repeated alternatives that can match the same text. A repeated group kept
 * unambiguous by a required separator that its inner repetitions cannot match (`(?:[a-z]+-)*`) is allowed.
 *
 * Returns a one-line reason, or undefined when the pattern is safe by this test.
 */
export function catastrophicBacktracking(pattern: string): string | undefined {
  const stack: Frame[] = [newFrame(0, 0)];
  let last: Atom | undefined;
  // An atom without a quantifier after it is required: a single character of it may separate repetitions.
  const settle = () => {
    const top = stack[stack.length - 1];
    if (last?.char !== undefined) top.required.push(last.char);
    if (last?.group) absorb(top, last.group);
    last = undefined;
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      const top = stack[stack.length - 1];
      const end = i + quantifier.length;
      if (last && quantifier.unbounded) {
        const text = pattern.slice(last.start, end);
        const g = last.group;
        if (g && g.repeats && !separated(g)) {
          return `${JSON.stringify(pattern)} can take exponential time: ${text} repeats a group that itself repeats; write it without the nested repetition (e.g. (a+)+ as a+)`;
        }
        if (g && overlapping(g.alternatives)) {
          return `${JSON.stringify(pattern)} can take exponential time: ${text} repeats alternatives that can match the same text; make the alternatives distinct`;
        }
        top.repeats = true;
        if (last.single !== undefined) top.repeatedSingles.push(last.single);
        else top.repeatedComplex = true;
      } else if (last?.group) {
        absorb(top, last.group);
      }
      last = undefined;
      i = end - 1 + (pattern[end] === '?' || pattern[end] === '+' ? 1 : 0);
      continue;
    }
    settle();
    if (c === '\\') {
      const escaped = pattern[i + 1] ?? '';
      last = { start: i, single: `\\${escaped}`, char: /[^\w\s]/.test(escaped) ? escaped : undefined };
      i++;
    } else if (c === '[') {
      const start = i;
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      last = { start, single: pattern.slice(start, i + 1) };
    } else if (c === '(') {
      let body = i + 1;
      if (pattern[i + 1] === '?') body = pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!' ? pattern.indexOf('>', i) + 1 : i + 3;
      stack.push(newFrame(i, body));
      i = body - 1;
    } else if (c === ')' && stack.length > 1) {
      const frame = stack.pop()!;
      frame.alternatives.push(pattern.slice(frame.branchStart, i));
      last = { start: frame.open, group: frame };
    } else if (c === '|') {
      const top = stack[stack.length - 1];
      top.alternatives.push(pattern.slice(top.branchStart, i));
      top.branchStart = i + 1;
      top.required = [];
    } else if (c === '^' || c === '$') {
      // anchors match no character
    } else {
      last = { start: i, single: c === '.' ? '.' : escapeChar(c), char: c === '.' ? undefined : c };
    }
  }
  return undefined;
}

interface Atom {
  start: number;
  /** Source of a one-character atom (a, \d, [a-z], .), usable in a RegExp. */
  single?: string;
  /** The literal character it matches, when it matches exactly one. */
  char?: string;
  group?: Frame;
}

interface Frame {
  open: number;
  branchStart: number;
  repeats: boolean;
  alternatives: string[];
  /** Characters every match of the body contains (for a body without alternatives). */
  required: string[];
  repeatedSingles: string[];
  repeatedComplex: boolean;
}

function newFrame(open: number, body: number): Frame {
  return { open, branchStart: body, repeats: false, alternatives: [], required: [], repeatedSingles: [], repeatedComplex: false };
}

/** A group used once keeps its inner repetitions: the parent's body repeats if the group's does. */
function absorb(parent: Frame, group: Frame): void {
  if (!group.repeats) return;
  parent.repeats = true;
  parent.repeatedSingles.push(...group.repeatedSingles);
  parent.repeatedComplex ||= group.repeatedComplex || group.alternatives.length > 1;
}

/** A required character that no inner repetition can match splits the text one way only. */
function separated(group: Frame): boolean {
  if (group.alternatives.length > 1 || group.repeatedComplex) return false;
  return group.required.some((ch) => group.repeatedSingles.every((atom) => !new RegExp(`^${atom}$`).test(ch)));
}

/** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` at `i`; unbounded when it can repeat many times. */
function readQuantifier(pattern: string, i: number): { length: number; unbounded: boolean } | undefined {
  const c = pattern[i];
  if (c === '*' || c === '+') return { length: 1, unbounded: true };
  if (c === '?') return { length: 1, unbounded: false };
  if (c !== '{') return undefined;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!m) return undefined;
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  return { length: m[0].length, unbounded: max > 10 };
}

/** Two alternatives where one is equal to, or a plain prefix of, another (a|a, a|ab, |a): the same text, two ways. */
function overlapping(alternatives: string[]): boolean {
  for (let x = 0; x < alternatives.length; x++) {
    for (let y = 0; y < alternatives.length; y++) {
      if (x === y) continue;
      const a = alternatives[x];
      const b = alternatives[y];
      if (a === b || (/^[\w-]*$/.test(a) && /^[\w-]*$/.test(b) && b.startsWith(a))) return true;
    }
  }
  return false;
}

function escapeChar(c: string): string {
  return /[\w\s]/.test(c) ? c : `\\${c}`;
}
