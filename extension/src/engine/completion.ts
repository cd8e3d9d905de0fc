import { compilePatterns, type ResolvedConfig } from '@flagsweep/analyzer';

/** What is typed of a key so far, when the text before the cursor ends inside a flag key's string; else undefined. */
export type KeyPrefixMatcher = (lineBeforeCursor: string) => string | undefined;

const KEY_SO_FAR = `(['"\`])([\\w.:/-]*)$`;
const escape = (name: string) => name.replace(/[$.]/g, (c) => `\\${c}`);
const anyOf = (names: Iterable<string>) => [...new Set(names)].map(escape).join('|');

/**
 * Where a flag key is written, from the same compiled patterns the scanner matches with: the key argument of a
 * call (`useFlag('|`, custom patterns), a JSX gate's key attribute (`<Feature flag="|`), a config entry
 * (`{ flag: '|`) and a flag factory's key property (`flag({ key: '|`).
 */
export function keyPrefixMatcher(config: ResolvedConfig): KeyPrefixMatcher {
  const patterns = compilePatterns(config);
  const all = [...patterns.callsByName.values(), ...patterns.jsxByName.values()].flat();
  const property = (names: string) => `(?:${names}|(['"])(?:${names})\\1)`;
  const contexts: string[] = [];
  // Calls, grouped by the position of their key argument.
  const callsByKeyArg = new Map<number, string[]>();
  for (const m of all) if (m.kind === 'call') callsByKeyArg.set(m.keyArg, [...(callsByKeyArg.get(m.keyArg) ?? []), m.callee[m.callee.length - 1]]);
  for (const [keyArg, names] of callsByKeyArg) contexts.push(`\\b(?:${anyOf(names)})\\s*(?:<[^>]*>)?\\(\\s*(?:[^,()]*,\\s*){${keyArg}}`);
  const jsx = all.flatMap((m) => (m.kind === 'jsx' ? [m] : []));
  if (jsx.length) contexts.push(`<(?:${anyOf(jsx.map((m) => m.tag.join('.')))})\\b[^<>]*\\s(?:${anyOf(jsx.map((m) => m.keyProp))})\\s*=\\s*\\{?\\s*`);
  if (patterns.membersByLast.size) contexts.push(`\\b(?:${anyOf(patterns.membersByLast.keys())})\\s*(?:\\?\\.)?\\[\\s*`);
  if (patterns.configEntries.size) contexts.push(`(?:^|[{,\\s])${property(anyOf(patterns.configEntries.keys()))}\\s*:\\s*`);
  const definitions = all.flatMap((m) => (m.kind === 'definition' ? [m] : []));
  if (definitions.length) {
    contexts.push(`\\b(?:${anyOf(definitions.map((m) => m.callee))})\\s*\\(\\s*\\{[^}]*?${property(anyOf(definitions.map((m) => m.keyProperty)))}\\s*:\\s*`);
  }
  // Each context has its own expression, so the quote and the key typed so far are always the last two groups.
  const expressions = contexts.map((c) => new RegExp(`${c}${KEY_SO_FAR}`));
  return (line) => {
    for (const re of expressions) {
      const m = re.exec(line);
      if (m) return m[m.length - 1];
    }
    return undefined;
  };
}
