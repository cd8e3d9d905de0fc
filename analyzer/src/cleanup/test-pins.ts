import ts = require('typescript');
import type { LeftSite } from './context';
import { keySpellings } from './keys';
import { literalValue } from './markers';
import { parseSource } from './parse';

/** Test, story and mock files by the usual conventions (`__tests__/`, `*.test.tsx`, `*.spec.ts`, `*.stories.tsx`). */
const TEST_FILE = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|tests?|specs?|e2e|cypress)\/|\.(?:test|spec|stories|story|cy)\.[cm]?[jt]sx?$/i;

export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file.replace(/\\/g, '/'));
}

/**
 * Places in a changed test file that set the flag to another value than the one kept (`flags: { newCheckout: false }`
 * when cleaning with `true`): that test exercised the branch the cleanup removed, so its expectations may now be
 * wrong. The cleanup still removes the entry; the place is listed for the reviewer, it does not block anything.
 */
export function testPins(file: string, before: string, key: string, value: unknown): LeftSite[] {
  if (!isTestFile(file)) return [];
  const names = new Set(keySpellings(key));
  if (!keySpellings(key).some((n) => before.includes(n))) return [];
  const sf = parseSource(file, before);
  const out: LeftSite[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) && names.has(n.name.text)) {
      const pinned = literalValue(n.initializer);
      if (pinned !== undefined && JSON.stringify(pinned.value) !== JSON.stringify(value)) {
        const { line, character } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
        out.push({
          file,
          line: line + 1,
          column: character + 1,
          reason: `this test sets the flag to ${JSON.stringify(pinned.value)}; the code now always behaves as ${JSON.stringify(value)}: check what the test expects`,
        });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/**
 * The names a project's own flag API answers to (`useFeatureFlag` for `{ "call": "useFeatureFlag" }`, `useFlags` for
 * `{ "hook": "useFlags" }`): a test file named after one (`useFeatureFlag.test.ts`) tests that API, and the flag it
 * reads there is only its example.
 */
export function flagApiTested(file: string, patterns: readonly object[]): string | undefined {
  if (!isTestFile(file)) return undefined;
  const stem = file.replace(/\\/g, '/').split('/').pop()!.split('.')[0];
  for (const p of patterns as { call?: string; hook?: string }[]) {
    const name = (p.call ?? p.hook)?.split('.').pop();
    if (name && name !== '*' && name === stem) return name;
  }
  return undefined;
}
