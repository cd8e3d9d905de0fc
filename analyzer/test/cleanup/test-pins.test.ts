import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { cleanupFlag } from '../../src/cleanup';
import { resolveConfig } from '../../src/config';
import { isTestFile } from '../../src/cleanup/test-pins';

/** Issue 11, F7: tests that pinned the flag to the removed value are listed for the reviewer (the cleanup still goes ahead). */
const ROOT = '/virtual/test-pins';

async function clean(rel: string, text: string, value: unknown) {
  const file = path.posix.join(ROOT, rel);
  const config = resolveConfig({ sdks: [], patterns: [{ call: 'useFeatureFlag' }] }, ROOT);
  const r = await cleanupFlag({ config, key: 'CFNG_ENABLED', value, scope: { kind: 'file', file }, readFile: (f) => (f === file ? text : undefined) });
  assert.deepEqual(r.errors, []);
  return { after: r.files[0]?.after, review: r.testsToReview.map((s) => `${path.posix.relative(ROOT, s.file)}:${s.line}:${s.column} ${s.reason}`) };
}

const TEST = `test('shows the card', () => {
  render(<Card />, { wrapper: TestWrapper, initialProps: { defaultFeatureFlagValues: { CFNG_ENABLED: false } } })
  expect(screen.queryByText('Feature Flags')).toBeNull()
  expect(useFeatureFlag('CFNG_ENABLED')).toBe(false)
})
`;

describe('cleanup: tests that pin the removed value are listed to review (F7)', () => {
  it('a test file setting the flag to false, cleaned with true: the entry goes and the place is listed', async () => {
    const r = await clean('src/pages/__tests__/Card.test.tsx', TEST, true);
    assert.doesNotMatch(r.after ?? '', /CFNG_ENABLED/);
    assert.deepEqual(r.review, ['src/pages/__tests__/Card.test.tsx:2:88 this test sets the flag to false; the code now always behaves as true: check what the test expects']);
  });

  it('the same test cleaned with the value it pins has nothing to review', async () => {
    assert.deepEqual((await clean('src/pages/__tests__/Card.test.tsx', TEST, false)).review, []);
  });

  it('outside test files nothing is listed', async () => {
    const app = "export const defaults = { CFNG_ENABLED: false };\nexport const on = useFeatureFlag('CFNG_ENABLED');\n";
    assert.deepEqual((await clean('src/pages/Card.tsx', app, true)).review, []);
  });

  it('knows test files by the usual conventions', () => {
    for (const f of ['src/a/__tests__/x.tsx', 'src/x.test.ts', 'src/x.spec.jsx', 'src/x.stories.tsx', 'test/x.ts', 'cypress/e2e/x.cy.ts']) assert.equal(isTestFile(f), true, f);
    for (const f of ['src/testing.ts', 'src/latest/x.ts', 'src/contest.tsx']) assert.equal(isTestFile(f), false, f);
  });
});

describe("cleanup: the flag API's own test keeps its example flag (F22)", function () {
  this.timeout(60000);
  it('a test named after the pattern (useFeatureFlag.test.ts) is left with the reason, and the enum member it names stays', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-api-test-')));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    write('flagsweep.config.json', JSON.stringify({ sdks: [], patterns: [{ call: 'useFeatureFlag' }] }));
    write('src/featureFlags.ts', "export enum FeatureFlag {\n  CFNG_ENABLED = 'CFNG_ENABLED',\n  FF_PIPELINE = 'FF_PIPELINE'\n}\n");
    write('src/hooks/useFeatureFlag.ts', "import { FeatureFlag } from '../featureFlags'\nexport declare function useFeatureFlag(flag: FeatureFlag): boolean\n");
    write('src/hooks/__tests__/useFeatureFlag.test.ts', "import { FeatureFlag } from '../../featureFlags'\nimport { useFeatureFlag } from '../useFeatureFlag'\ntest('reads a flag', () => {\n  expect(useFeatureFlag(FeatureFlag.CFNG_ENABLED)).toBe(true)\n})\n");
    write('src/Nav.tsx', "import { FeatureFlag } from './featureFlags'\nimport { useFeatureFlag } from './hooks/useFeatureFlag'\nexport const Nav = () => (useFeatureFlag(FeatureFlag.CFNG_ENABLED) ? 'cf' : 'none')\n");
    try {
      const { loadConfig } = await import('../../src/config');
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'CFNG_ENABLED', value: true, scope: { kind: 'project' } });
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.files.map((f) => path.relative(dir, f.file)), ['src/Nav.tsx']);
      assert.deepEqual(r.leftForHuman.map((s) => `${path.relative(dir, s.file)}:${s.line}:${s.column} ${s.reason}`), [
        'src/hooks/__tests__/useFeatureFlag.test.ts:4:10 this test tests `useFeatureFlag` itself, with this flag as its example: point it at another flag',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
