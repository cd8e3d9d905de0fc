import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitError, GitRunner } from '../../src/git';
import { FixtureRepo } from './fixture-repo';

describe('GitRunner', () => {
  let repo: FixtureRepo;
  before(() => {
    repo = new FixtureRepo();
    repo.write({ 'a.txt': 'a\n' });
    repo.commitAll('one', '2026-01-01');
  });
  after(() => repo.remove());

  it("returns git's stdout and counts invocations", async () => {
    const git = new GitRunner(repo.dir);
    assert.equal((await git.run(['rev-parse', '--is-inside-work-tree'])).trim(), 'true');
    assert.equal((await git.run(['ls-files'], { ownProcessGroup: true })).trim(), 'a.txt');
    assert.equal(git.invocations, 2);
  });

  it("rejects with the first line of git's stderr", async () => {
    await assert.rejects(new GitRunner(repo.dir).run(['rev-parse', '--verify', 'no-such-ref']), (e: unknown) => e instanceof GitError && e.message === 'git rev-parse: fatal: Needed a single revision');
  });

  it('says git is missing when it is not on PATH', async () => {
    const saved = process.env.PATH;
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-nopath-'));
    process.env.PATH = empty;
    try {
      await assert.rejects(new GitRunner(repo.dir).run(['status']), (e: unknown) => e instanceof GitError && e.message === 'git is not installed or not on PATH');
    } finally {
      process.env.PATH = saved;
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
