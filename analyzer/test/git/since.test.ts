import * as assert from 'node:assert/strict';
import { changedLinesSince, GitError, parseUnifiedDiff, touchesChange } from '../../src/git';
import { FixtureRepo } from './fixture-repo';

describe('changed lines since a ref (real repository)', () => {
  let repo: FixtureRepo;
  let base: string;

  before(() => {
    repo = new FixtureRepo();
    repo.write({ 'src/a.ts': ['one', 'two', 'three', 'four', ''].join('\n'), 'src/b.ts': 'unchanged\n' });
    base = repo.commitAll('base', '2026-01-01');
    repo.git('branch', 'base');
    repo.write({ 'src/a.ts': ['one', 'TWO', 'three', 'four', 'five', ''].join('\n'), 'src/new.ts': 'new\nfile\n' });
    repo.commitAll('feature', '2026-02-01');
    repo.write({ 'src/untracked.ts': 'draft\n' });
  });
  after(() => repo.remove());

  it('collects added and modified lines, new files and untracked files', async () => {
    const changes = await changedLinesSince('base', repo.dir);
    assert.equal(changes.commit, base);
    assert.deepEqual([...(changes.files.get(`${repo.dir}/src/a.ts`) as Set<number>)].sort(), [2, 5]);
    assert.equal(changes.files.get(`${repo.dir}/src/new.ts`), 'all');
    assert.equal(changes.files.get(`${repo.dir}/src/untracked.ts`), 'all');
    assert.equal(changes.files.has(`${repo.dir}/src/b.ts`), false);
    assert.equal(changes.invocations, 5);
    assert.equal(touchesChange(changes, `${repo.dir}/src/a.ts`, 1, 1), false);
    assert.equal(touchesChange(changes, `${repo.dir}/src/a.ts`, 1, 2), true);
    assert.equal(touchesChange(changes, `${repo.dir}/src/b.ts`, 1, 1), false);
  });

  it('rejects an unknown ref with a GitError naming it', async () => {
    await assert.rejects(changedLinesSince('no-such-branch', repo.dir), (e: unknown) => e instanceof GitError && /unknown git ref 'no-such-branch'/.test(e.message));
    await assert.rejects(changedLinesSince('--output=/tmp/x', repo.dir), /invalid git ref/);
  });
});

describe('parseUnifiedDiff', () => {
  it('reads hunk headers with and without counts, skipping deletions', () => {
    const diff = [
      'diff --git a/x.ts b/x.ts',
      '--- a/x.ts',
      '+++ b/x.ts',
      '@@ -3 +3 @@',
      '@@ -10,2 +10,0 @@',
      '@@ -20,0 +21,3 @@',
      'diff --git a/gone.ts b/gone.ts',
      'deleted file mode 100644',
      '--- a/gone.ts',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '',
    ].join('\n');
    const files = parseUnifiedDiff(diff, '/repo');
    assert.deepEqual([...(files.get('/repo/x.ts') as Set<number>)], [3, 21, 22, 23]);
    assert.equal(files.has('/repo/gone.ts'), false);
  });
});
