import ts = require('typescript');

/**
 * The lines of the shape before that the shape after lost, when it only lost lines (an enum member, an interface
 * member or an export removed, nothing added or changed); undefined otherwise. Lines are compared without trailing
 * `,`/`;`, since removing the last member moves the separator.
 */
export function removedLines(before: string, after: string): string[] | undefined {
  const norm = (s: string): string[] => s.split('\n').map((l) => l.trim().replace(/[,;]$/, '')).filter((l) => l.length > 0);
  const left = new Map<string, number>();
  for (const l of norm(before)) left.set(l, (left.get(l) ?? 0) + 1);
  for (const l of norm(after)) {
    const n = left.get(l);
    if (!n) return undefined;
    left.set(l, n - 1);
  }
  return [...left].flatMap(([l, n]) => Array<string>(n).fill(l));
}

/** Identifiers and string contents in `lines` (`GITOPS_BYO_ARGO` for `GITOPS_BYO_ARGO = 'GITOPS_BYO_ARGO'`). */
export function namesIn(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.JSX, lines.join('\n'));
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t === ts.SyntaxKind.Identifier) out.add(scanner.getTokenText());
    else if (t === ts.SyntaxKind.StringLiteral && /^[\w$]+$/.test(scanner.getTokenValue())) out.add(scanner.getTokenValue());
  }
  return out;
}

/** Does `text` name any of `names` as a whole word (an identifier, a property, a string key)? */
export function mentionsAny(text: string, names: ReadonlySet<string>): boolean {
  for (const name of names) {
    let at = text.indexOf(name);
    while (at !== -1) {
      const before = text[at - 1];
      const after = text[at + name.length];
      if (!(before && /[\w$]/.test(before)) && !(after && /[\w$]/.test(after))) return true;
      at = text.indexOf(name, at + 1);
    }
  }
  return false;
}
