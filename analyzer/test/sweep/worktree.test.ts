import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanupFlag } from '../../src/cleanup';
import { parseToday } from '../../src/lifecycle/dates';
import { runSweep, type SweepOptions } from '../../src/sweep/run';
import type { FixtureRepo } from '../git/fixture-repo';
import { TODAY, refs, snapshotCheckout, sweepRepo } from './sweep-repo';

function sweepTemps(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('flagsweep-sweep-') && fs.existsSync(path.join(os.tmpdir(), n, 'tree')));
}

describe('sweep worktrees are removed on every exit path', function () {
  this.timeout(120_000);
  let repo: FixtureRepo;
  before(() => {
    repo = sweepRepo();
  });
  after(() => repo.remove());

  const options = (over: Partial<SweepOptions>): SweepOptions => ({
    cwd: repo.dir,
    paths: [],
    now: parseToday(TODAY),
    env: {},
    offline: true,
    statuses: ['expired', 'stale'],
    prefix: 'flagsweep/remove-',
    dryRun: false,
    includePartial: false,
    writeFiles: () => undefined,
    cleanupFlag,
    ...over,
  });

  it('a write that fails mid-run rejects, leaves no worktree, no temp folder and no branch', async () => {
    const temps = sweepTemps();
    const untouched = snapshotCheckout(repo);
    const refsBefore = refs(repo);
    await assert.rejects(
      runSweep(
        options({
          writeFiles: () => {
            throw new Error('disk full');
          },
        }),
      ),
      /disk full/,
    );
    assert.deepEqual(snapshotCheckout(repo), untouched);
    assert.equal(refs(repo), refsBefore);
    assert.deepEqual(sweepTemps(), temps);
    assert.ok(!fs.existsSync(path.join(repo.dir, '.git', 'worktrees')) || fs.readdirSync(path.join(repo.dir, '.git', 'worktrees')).length === 0);
  });

  it('a cleanup engine that throws leaves nothing behind either', async () => {
    const temps = sweepTemps();
    await assert.rejects(runSweep(options({ cleanupFlag: async () => Promise.reject(new Error('engine crashed')) })), /engine crashed/);
    assert.deepEqual(sweepTemps(), temps);
    assert.equal(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)?.length, 1);
  });

  it('paths that are not in the base commit are a clear error', async () => {
    fs.mkdirSync(path.join(repo.dir, 'uncommitted'));
    try {
      await assert.rejects(runSweep(options({ paths: ['uncommitted'] })), /uncommitted: not in main \(sweep cleans committed code only\)/);
    } finally {
      fs.rmSync(path.join(repo.dir, 'uncommitted'), { recursive: true });
    }
  });
});
