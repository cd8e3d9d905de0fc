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

/** What a SIGTERM sent once `ready` holds for every worktree record of the repository leaves behind. */
async function interruptWhen(repo: FixtureRepo, ready: (record: string) => boolean): Promise<{ code: number | null; stderr: string; dirs: string[]; admin: string }> {
  const admin = path.join(repo.dir, '.git', 'worktrees');
  const child = spawn(process.execPath, [CLI, 'sweep', '--now', TODAY], { cwd: repo.dir, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const seen = await new Promise<string[]>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const records = fs.existsSync(admin) ? fs.readdirSync(admin).map((e) => path.join(admin, e)) : [];
      if (records.length > 0 && records.every(ready)) {
        clearInterval(poll);
        resolve(records);
      } else if (Date.now() - started > 60_000) {
        clearInterval(poll);
        reject(new Error('no worktree appeared'));
      }
    }, 10);
  });
  const dirs = seen.map((r) => fs.readFileSync(path.join(r, 'gitdir'), 'utf8').trim().replace(/\/\.git$/, ''));
  child.kill('SIGTERM');
  return { code: await exited, stderr, dirs, admin };
}

const written = (record: string, file: string) => (fs.statSync(path.join(record, file), { throwIfNoEntry: false })?.size ?? 0) > 0;

describe('sweep interrupted by a signal', function () {
  this.timeout(120_000);
  let repo: FixtureRepo;
  before(() => {
    repo = sweepRepo();
  });
  after(() => repo.remove());

  it('SIGTERM while a worktree exists removes it before exiting (143)', async () => {
    // Once `git worktree add` is done: it writes the record's `gitdir` first and removes its `locked` file
    // ("initializing") last.
    const { code, stderr, dirs, admin } = await interruptWhen(repo, (r) => written(r, 'gitdir') && !fs.existsSync(path.join(r, 'locked')));
    assert.equal(code, 143, stderr);
    assert.match(stderr, /SIGTERM: temporary worktrees removed/);
    assert.deepEqual(fs.existsSync(admin) ? fs.readdirSync(admin) : [], []);
    for (const d of dirs) assert.ok(!fs.existsSync(path.dirname(d)), `${d} is gone`);
  });
});

describe('sweep interrupted while git is still checking the worktree out', function () {
  this.timeout(120_000);
  let repo: FixtureRepo;
  before(() => {
    repo = sweepRepo();
    // A smudge filter that sleeps makes the checkout of `git worktree add` (run by a child git of the one sweep
    // starts) take seconds, so the signal lands during it every time.
    repo.git('config', 'filter.slow.smudge', 'sleep 0.2; cat');
    const slow: Record<string, string> = { '.gitattributes': 'slow/* filter=slow\n' };
    for (let i = 0; i < 30; i++) slow[`slow/${i}.txt`] = `file ${i}\n`;
    repo.write(slow);
    repo.commitAll('slow files', '2026-11-02');
  });
  after(() => repo.remove());

  it('stops the checkout, removes the worktree and its record, and exits 143', async () => {
    const { code, stderr, dirs, admin } = await interruptWhen(repo, (r) => written(r, 'gitdir') && fs.existsSync(path.join(r, 'locked')));
    assert.equal(code, 143, stderr);
    assert.match(stderr, /SIGTERM: temporary worktrees removed/);
    assert.deepEqual(fs.existsSync(admin) ? fs.readdirSync(admin) : [], []);
    // The checkout does not go on writing once sweep is gone.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const d of dirs) assert.ok(!fs.existsSync(path.dirname(d)), `${d} is gone`);
    assert.equal(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)?.length, 1);
  });
});
