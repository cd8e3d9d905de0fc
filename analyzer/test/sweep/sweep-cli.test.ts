import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SweepResult } from '../../src/sweep/types';
import type { FixtureRepo } from '../git/fixture-repo';
import { TODAY, addBareRemote, gitEnv, refs, snapshotCheckout, sweepCli, sweepRepo } from './sweep-repo';

const BRANCH = (key: string) => `flagsweep/remove-${key}`;

function sweep(repo: FixtureRepo, args: string[]): { status: number | null; result: SweepResult; stderr: string } {
  const run = sweepCli(['sweep', '--now', TODAY, '--format', 'json', ...args], repo.dir);
  let result: SweepResult;
  try {
    result = JSON.parse(run.stdout) as SweepResult;
  } catch {
    throw new Error(`sweep printed no JSON (exit ${run.status}): ${run.stderr}${run.stdout}`);
  }
  return { status: run.status, result, stderr: run.stderr };
}

function tempDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

function worktreeAdminEntries(repo: FixtureRepo): string[] {
  const dir = path.join(repo.dir, '.git', 'worktrees');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

/** Tracked, staged and untracked changes a developer might have while the weekly sweep runs locally. */
function makeDirty(repo: FixtureRepo): void {
  fs.appendFileSync(path.join(repo.dir, 'src/checkout.ts'), '// unstaged edit\n');
  fs.appendFileSync(path.join(repo.dir, 'src/theme.ts'), '// staged edit\n');
  repo.git('add', 'src/theme.ts');
  fs.writeFileSync(path.join(repo.dir, 'notes.txt'), 'untracked\n');
}

describe('flagsweep sweep (real git, built CLI)', function () {
  this.timeout(300_000);
  let repo: FixtureRepo;
  let bare: string;
  let prDir: string;
  let base: string;
  let untouched: Record<string, string>;
  let first: { status: number | null; result: SweepResult };

  before(() => {
    repo = sweepRepo();
    bare = addBareRemote(repo);
    base = repo.git('rev-parse', 'HEAD').trim();
    makeDirty(repo);
    untouched = snapshotCheckout(repo);
    prDir = tempDir('flagsweep-pr-');
  });
  after(() => {
    repo.remove();
    fs.rmSync(bare, { recursive: true, force: true });
    fs.rmSync(prDir, { recursive: true, force: true });
  });

  it('--dry-run prints the plan and touches nothing: no branch, ref, file, index change or worktree', () => {
    const refsBefore = refs(repo);
    const { status, result } = sweep(repo, ['--dry-run', '--pr-dir', prDir, '--push', 'origin']);
    assert.equal(status, 1, 'a due flag that could not be swept is a finding');
    assert.equal(result.dryRun, true);
    assert.deepEqual(
      result.branches.map((b) => [b.branch, b.state]),
      [
        [BRANCH('old-checkout'), 'created'],
        [BRANCH('fuzzy-search'), 'created'],
        [BRANCH('turbo-mode'), 'skipped'],
      ],
    );
    assert.equal(refs(repo), refsBefore);
    assert.deepEqual(snapshotCheckout(repo), untouched);
    assert.deepEqual(fs.readdirSync(prDir), []);
    assert.deepEqual(worktreeAdminEntries(repo), []);
    assert.equal(execFileSync('git', ['--git-dir', bare, 'for-each-ref', 'refs/heads/flagsweep'], { encoding: 'utf8', env: gitEnv() }), '');
  });

  it('creates one branch per expired or stale flag, oldest first, from HEAD, and leaves the checkout exactly as it was', () => {
    first = sweep(repo, ['--pr-dir', prDir]);
    const { result } = first;
    assert.equal(first.status, 1);
    assert.equal(result.base.ref, 'main');
    assert.equal(result.base.commit, base);
    const made = result.branches.filter((b) => b.state === 'created');
    assert.deepEqual(made.map((b) => b.branch), [BRANCH('old-checkout'), BRANCH('fuzzy-search')]);
    for (const b of made) {
      assert.equal(repo.git('rev-parse', `refs/heads/${b.branch}`).trim(), b.commit);
      assert.equal(repo.git('rev-parse', `${b.branch}^`).trim(), base, 'one commit on top of the base');
    }
    assert.throws(() => repo.git('rev-parse', '--verify', '--quiet', `refs/heads/${BRANCH('turbo-mode')}`));
    assert.throws(() => repo.git('rev-parse', '--verify', '--quiet', `refs/heads/${BRANCH('dark-mode')}`));
    assert.deepEqual(snapshotCheckout(repo), untouched);
    assert.deepEqual(worktreeAdminEntries(repo), []);
  });

  it('commits as chore(flags): remove KEY (keep VALUE) with status, reason, owner, files and lines in the body', () => {
    const message = repo.git('log', '-1', '--format=%B', BRANCH('old-checkout'));
    assert.match(message, /^chore\(flags\): remove old-checkout \(keep true\)\n\n/);
    assert.match(message, /Status: expired: expired on 2026-10-01 \(52 days ago\) and still read in 1 place/);
    assert.match(message, /Owner: payments \(reviewers: @acme\/payments\)/);
    assert.match(message, /flags\.flagd\.json {2}-\d+/);
    assert.match(message, /src\/checkout\.ts {2}-\d+/);
    assert.match(message, /lines removed/);
    assert.deepEqual(repo.git('diff', '--name-only', base, BRANCH('old-checkout')).trim().split('\n'), ['flags.flagd.json', 'src/checkout.ts']);
  });

  it('each branch holds exactly what `flagsweep cleanup KEY --remove-definition` writes on the base', () => {
    for (const key of ['old-checkout', 'fuzzy-search']) {
      const clone = tempDir('flagsweep-clone-');
      try {
        execFileSync('git', ['clone', '-q', repo.dir, clone], { env: gitEnv() });
        const run = sweepCli(['cleanup', key, '--remove-definition'], clone);
        assert.equal(run.status, 0, run.stderr);
        const expected = execFileSync('git', ['diff'], { cwd: clone, encoding: 'utf8', env: gitEnv() });
        assert.ok(expected.length > 0);
        assert.equal(repo.git('diff', base, BRANCH(key)), expected, key);
      } finally {
        fs.rmSync(clone, { recursive: true, force: true });
      }
    }
  });

  it('writes the pull-request text a flag owner can act on: why, what changed, verification, how to revert', () => {
    const text = fs.readFileSync(path.join(prDir, 'old-checkout.md'), 'utf8');
    const b = first.result.branches.find((x) => x.id === 'old-checkout')!;
    assert.equal(b.prFile, path.join(prDir, 'old-checkout.md'));
    assert.equal(text, b.body);
    assert.match(text, /`old-checkout` is \*\*expired\*\*: expired on 2026-10-01 \(52 days ago\)/);
    assert.match(text, /\| Owner \| payments \(reviewers: @acme\/payments\) \|/);
    assert.match(text, /\| Expires \| 2026-10-01 \(52 days ago\) \|/);
    assert.match(text, /\| In the code since \| 2025-11-01, 386 days \(git blame of its usages\) \|/);
    assert.match(text, /\| Value kept \| `true`, served to everyone by flags\.flagd\.json \|/);
    assert.match(text, /\| `src\/checkout\.ts` \| \d+ \|/);
    assert.match(text, /flag call at `src\/checkout\.ts:4`/);
    assert.match(text, /the flag's definition in `flags\.flagd\.json`/);
    assert.match(text, /### Left for a person\n\nNothing/);
    assert.match(text, /Type-checked before and after with tsconfig\.json: no new TypeScript error/);
    assert.ok(text.includes(`git revert ${b.commit!.slice(0, 12)}`));
    assert.deepEqual(fs.readdirSync(prDir).sort(), ['fuzzy-search.md', 'old-checkout.md']);
  });

  it('maps owners to reviewers through the config map and CODEOWNERS of the changed files', () => {
    const byId = new Map(first.result.branches.map((b) => [b.id, b]));
    assert.deepEqual(byId.get('old-checkout')!.reviewers, ['@acme/payments']);
    assert.deepEqual(byId.get('old-checkout')!.ghReviewers, ['acme/payments']);
    assert.deepEqual(byId.get('fuzzy-search')!.reviewers, ['@acme/search', '@dana']);
    assert.deepEqual(byId.get('fuzzy-search')!.ghReviewers, ['acme/search', 'dana']);
    assert.match(fs.readFileSync(path.join(prDir, 'fuzzy-search.md'), 'utf8'), /reviewers: @acme\/search, @dana/);
  });

  it('skips a flag whose cleanup would break the type check, with the diagnostic in the plan', () => {
    const turbo = first.result.branches.find((b) => b.id === 'turbo-mode')!;
    assert.equal(turbo.state, 'skipped');
    const flag = turbo.flags[0];
    assert.equal(flag.outcome, 'skipped');
    assert.equal(flag.verification.mode, 'types');
    assert.equal(flag.verification.newDiagnostics[0].file, 'src/speed-label.ts');
    assert.equal(flag.verification.newDiagnostics[0].code, 2367);
    assert.match(turbo.skipReason!, /would break the type check: src\/speed-label\.ts:3:\d+ TS2367/);
    assert.ok(!fs.existsSync(path.join(prDir, 'turbo-mode.md')));
    const text = sweepCli(['sweep', '--now', TODAY, '--dry-run'], repo.dir).stdout;
    assert.match(text, /turbo-mode: skipped: the cleanup would break the type check: src\/speed-label\.ts:3:\d+ TS2367/);
  });

  it('running it again changes nothing: up-to-date branches are left as they are', () => {
    const refsBefore = refs(repo);
    const { result } = sweep(repo, ['--pr-dir', prDir]);
    assert.deepEqual(
      result.branches.map((b) => [b.id, b.state]),
      [
        ['old-checkout', 'up-to-date'],
        ['fuzzy-search', 'up-to-date'],
        ['turbo-mode', 'skipped'],
      ],
    );
    assert.equal(refs(repo), refsBefore);
    assert.ok(fs.readFileSync(path.join(prDir, 'old-checkout.md'), 'utf8').includes(`git revert ${first.result.branches[0].commit!.slice(0, 12)}`));
  });

  it('--push pushes the branches to the remote; a second push run has nothing to do', () => {
    const { result } = sweep(repo, ['--push', 'origin']);
    assert.deepEqual(result.branches.filter((b) => b.pushed).map((b) => b.id), ['old-checkout', 'fuzzy-search']);
    const remoteRefs = execFileSync('git', ['--git-dir', bare, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads/flagsweep'], { encoding: 'utf8', env: gitEnv() });
    assert.equal(remoteRefs, `refs/heads/${BRANCH('fuzzy-search')} ${result.branches[1].commit}\nrefs/heads/${BRANCH('old-checkout')} ${result.branches[0].commit}\n`);
    const again = sweep(repo, ['--push', 'origin']);
    assert.deepEqual(again.result.branches.map((b) => b.state), ['up-to-date', 'up-to-date', 'skipped']);
  });

  it('rebuilds branches on a new base; a branch a person added commits to is left alone', () => {
    // A person fixes up the fuzzy-search branch (a commit made without touching the checkout).
    const tip = repo.git('rev-parse', BRANCH('fuzzy-search')).trim();
    const tree = repo.git('rev-parse', `${tip}^{tree}`).trim();
    const fixup = execFileSync('git', ['commit-tree', tree, '-p', tip, '-m', 'review: keep the search comment'], { cwd: repo.dir, encoding: 'utf8', env: gitEnv({ GIT_AUTHOR_NAME: 'P', GIT_AUTHOR_EMAIL: 'p@e.com', GIT_COMMITTER_NAME: 'P', GIT_COMMITTER_EMAIL: 'p@e.com' }) }).trim();
    repo.git('update-ref', `refs/heads/${BRANCH('fuzzy-search')}`, fixup);
    // main moves on: a new commit on top of the base, made without touching the dirty checkout.
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: '# shop\n', encoding: 'utf8', env: gitEnv() }).trim();
    execFileSync('git', ['read-tree', '--empty'], { cwd: repo.dir, env: gitEnv({ GIT_INDEX_FILE: path.join(repo.dir, '.git', 'tmp-index') }) });
    execFileSync('git', ['read-tree', base], { cwd: repo.dir, env: gitEnv({ GIT_INDEX_FILE: path.join(repo.dir, '.git', 'tmp-index') }) });
    execFileSync('git', ['update-index', '--add', '--cacheinfo', `100644,${blob},README.md`], { cwd: repo.dir, env: gitEnv({ GIT_INDEX_FILE: path.join(repo.dir, '.git', 'tmp-index') }) });
    const newTree = execFileSync('git', ['write-tree'], { cwd: repo.dir, encoding: 'utf8', env: gitEnv({ GIT_INDEX_FILE: path.join(repo.dir, '.git', 'tmp-index') }) }).trim();
    fs.rmSync(path.join(repo.dir, '.git', 'tmp-index'));
    const newBase = execFileSync('git', ['commit-tree', newTree, '-p', base, '-m', 'readme'], { cwd: repo.dir, encoding: 'utf8', env: gitEnv({ GIT_AUTHOR_NAME: 'P', GIT_AUTHOR_EMAIL: 'p@e.com', GIT_COMMITTER_NAME: 'P', GIT_COMMITTER_EMAIL: 'p@e.com' }) }).trim();
    repo.git('update-ref', 'refs/heads/next', newBase);

    const { result } = sweep(repo, ['--base', 'next', '--push', 'origin']);
    const byId = new Map(result.branches.map((b) => [b.id, b]));
    assert.equal(byId.get('old-checkout')!.state, 'rebuilt');
    assert.equal(repo.git('rev-parse', `${BRANCH('old-checkout')}^`).trim(), newBase);
    assert.equal(byId.get('old-checkout')!.pushed, true, 'the rebuilt branch replaces the remote one');
    assert.equal(byId.get('fuzzy-search')!.state, 'skipped');
    assert.match(byId.get('fuzzy-search')!.skipReason!, /a person added commits to it/);
    assert.equal(repo.git('rev-parse', BRANCH('fuzzy-search')).trim(), fixup);
    assert.deepEqual(snapshotCheckout(repo), untouched);
  });

  it('--group-by owner makes one branch per owner, one commit per flag; --max limits the branches', () => {
    const grouped = sweep(repo, ['--group-by', 'owner', '--branch-prefix', 'team/', '--pr-dir', prDir]);
    const payments = grouped.result.branches.find((b) => b.id === 'owner-payments')!;
    assert.equal(payments.branch, 'team/owner-payments');
    assert.equal(payments.state, 'created');
    assert.deepEqual(payments.flags.map((f) => [f.key, f.outcome]), [['old-checkout', 'cleaned'], ['turbo-mode', 'skipped']]);
    assert.equal(repo.git('log', '--format=%s', `${base}..team/owner-payments`).trim(), 'chore(flags): remove old-checkout (keep true)');
    assert.match(fs.readFileSync(path.join(prDir, 'owner-payments.md'), 'utf8'), /### Not in this pull request\n\n- `turbo-mode`: the cleanup would break the type check/);
    assert.equal(grouped.result.branches.find((b) => b.id === 'owner-search')!.branch, 'team/owner-search');

    const limited = sweep(repo, ['--max', '1', '--branch-prefix', 'one/']);
    assert.deepEqual(limited.result.branches.map((b) => b.branch), ['one/old-checkout']);
    assert.ok(limited.result.notEligible.some((n) => n.key === 'fuzzy-search' && /--max 1/.test(n.reason)));
  });

  it('usage errors are one line and exit 2, with no worktree left behind', () => {
    for (const args of [['--base', 'no-such-ref'], ['--status', 'expired,bogus'], ['--max', '0'], ['--push', 'nowhere']]) {
      const run = sweepCli(['sweep', '--now', TODAY, ...args], repo.dir);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    }
    assert.deepEqual(worktreeAdminEntries(repo), []);
    const outside = tempDir('flagsweep-norepo-');
    try {
      const run = sweepCli(['sweep'], outside);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /sweep needs a git repository/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
