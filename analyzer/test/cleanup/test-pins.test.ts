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
