import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanupFlag } from '../../src/cleanup';
import { parseToday } from '../../src/lifecycle/dates';
import { writeAllOrNothing } from '../../src/cli/write';
import { runSweep, type SweepOptions } from '../../src/sweep/run';
import { CLI } from '../cli/helpers';
import type { FixtureRepo } from '../git/fixture-repo';
import { TODAY, gitEnv, refs, snapshotCheckout, sweepRepo } from './sweep-repo';

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

describe('sweep with a config and flag file the repository does not track', function () {
  this.timeout(120_000);
  let repo: FixtureRepo;
  before(() => {
    repo = sweepRepo();
    repo.git('rm', '-q', '--cached', 'flagsweep.config.json', 'flags.flagd.json');
    repo.commitStaged('config and flags are local', '2026-11-01');
  });
  after(() => repo.remove());

  it('uses them as they are in the checkout, and never commits or edits the flag file', async () => {
    const flagFile = fs.readFileSync(path.join(repo.dir, 'flags.flagd.json'), 'utf8');
    const result = await runSweep({
      cwd: repo.dir,
      paths: [],
      now: parseToday(TODAY),
      env: {},
      statuses: ['expired', 'stale'],
      prefix: 'flagsweep/remove-',
      dryRun: false,
      includePartial: false,
      writeFiles: (changes) => writeAllOrNothing(changes),
      cleanupFlag,
    });
    const made = result.branches.filter((b) => b.state === 'created');
    assert.deepEqual(made.map((b) => b.id), ['old-checkout', 'fuzzy-search']);
    for (const b of made) {
      assert.equal(b.flags[0].definitionRemovedFrom, undefined);
      assert.deepEqual(repo.git('ls-tree', '-r', '--name-only', b.branch).split('\n').filter((f) => f.endsWith('.json') && !f.startsWith('tsconfig')), []);
    }
    assert.equal(fs.readFileSync(path.join(repo.dir, 'flags.flagd.json'), 'utf8'), flagFile);
  });
});

describe('sweep interrupted by a signal', function () {
  this.timeout(120_000);
  let repo: FixtureRepo;
  before(() => {
    repo = sweepRepo();
  });
  after(() => repo.remove());

  it('SIGTERM while a worktree exists removes it before exiting (143)', async () => {
    const admin = path.join(repo.dir, '.git', 'worktrees');
    const child = spawn(process.execPath, [CLI, 'sweep', '--now', TODAY], { cwd: repo.dir, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const seen = await new Promise<string[]>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const entries = fs.existsSync(admin) ? fs.readdirSync(admin) : [];
        // Once `git worktree add` is done: it writes the admin folder's `gitdir` first and removes its `locked` file
        // ("initializing") last. A signal during the add itself is not what this test is about.
        const added = (e: string) => (fs.statSync(path.join(admin, e, 'gitdir'), { throwIfNoEntry: false })?.size ?? 0) > 0 && !fs.existsSync(path.join(admin, e, 'locked'));
        if (entries.length > 0 && entries.every(added)) {
          clearInterval(poll);
          resolve(entries);
        } else if (Date.now() - started > 60_000) {
          clearInterval(poll);
          reject(new Error('no worktree appeared'));
        }
      }, 20);
    });
    const dirs = seen.map((e) => fs.readFileSync(path.join(admin, e, 'gitdir'), 'utf8').trim().replace(/\/\.git$/, ''));
    child.kill('SIGTERM');
    assert.equal(await exited, 143, stderr);
    assert.match(stderr, /SIGTERM: temporary worktrees removed/);
    assert.deepEqual(fs.existsSync(admin) ? fs.readdirSync(admin) : [], []);
    for (const d of dirs) assert.ok(!fs.existsSync(path.dirname(d)), `${d} is gone`);
  });
});
