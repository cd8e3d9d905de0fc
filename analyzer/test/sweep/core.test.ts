import { strict as assert } from 'node:assert';
import { codeownersOf, ghReviewers, parseCodeowners, reviewersFor } from '../../src/sweep/owners';
import { planBranches, refSafe } from '../../src/sweep/plan';
import { byDebt, selectDueFlags } from '../../src/sweep/select';
import type { FlagCheck, FlagRecord } from '../../src/model';
import { SWEEP_SUBJECT, branchTitle, commitMessage, commitSubject, pullRequestBody } from '../../src/sweep/text';
import type { BranchOutcome, FlagOutcome, SweepFlag } from '../../src/sweep/types';

function flag(key: string, over: Partial<SweepFlag> = {}): SweepFlag {
  return {
    key,
    value: true,
    status: 'expired',
    reason: 'expired on 2026-10-01 (52 days ago) and still read in 1 place',
    usageCount: 1,
    fileCount: 1,
    usages: [{ file: 'src/a.ts', line: 3, column: 7, kind: 'call' }],
    declarations: [],
    sourceLabel: 'flags.flagd.json',
    ...over,
  };
}

function outcome(key: string, over: Partial<FlagOutcome> = {}): FlagOutcome {
  return {
    key,
    value: true,
    outcome: 'cleaned',
    files: [{ file: 'src/a.ts', linesRemoved: 4 }],
    linesRemoved: 4,
    checksCleaned: 1,
    leftForHuman: [],
    errors: [],
    verification: { mode: 'types', newDiagnostics: [], checkedFiles: 2, tsconfigs: ['tsconfig.json'] },
    commit: 'abcdef0123456789abcdef0123456789abcdef01',
    ...over,
  };
}

describe('sweep core (pure parts)', () => {
  describe('CODEOWNERS and reviewers', () => {
    const rules = parseCodeowners(
      ['# comment', '*  @acme/core', '/src/search/  @acme/search @dana  # inline comment', '*.json jo@example.com', '[Section]', 'docs/', '/src/pay*.ts @acme/payments'].join('\n'),
    );

    it('last matching rule wins; a rule without owners clears them; sections are skipped', () => {
      assert.deepEqual(codeownersOf(rules, 'src/search/index.ts'), ['@acme/search', '@dana']);
      assert.deepEqual(codeownersOf(rules, 'src/other.ts'), ['@acme/core']);
      assert.deepEqual(codeownersOf(rules, 'flags.flagd.json'), ['jo@example.com']);
      assert.deepEqual(codeownersOf(rules, 'docs/readme.md'), []);
      assert.deepEqual(codeownersOf(rules, 'src/payments.ts'), ['@acme/payments']);
      assert.deepEqual(codeownersOf(rules, 'lib/src/search/x.ts'), ['@acme/core'], 'a leading slash anchors to the root');
    });

    it('owners map first (with or without @), then CODEOWNERS of the changed files, deduplicated', () => {
      const reviewers = reviewersFor({
        owners: ['payments', '@alice', 'nobody'],
        ownersMap: { payments: ['acme/payments', '@bob'] },
        rules,
        files: ['src/search/index.ts', 'src/other.ts', 'flags.flagd.json'],
      });
      assert.deepEqual(reviewers, ['@acme/payments', '@bob', '@alice', '@acme/search', '@dana', '@acme/core', 'jo@example.com']);
      assert.deepEqual(ghReviewers(reviewers), ['acme/payments', 'bob', 'alice', 'acme/search', 'dana', 'acme/core']);
    });

    it('gh never gets something that is not a handle', () => {
      assert.deepEqual(ghReviewers(['@ok', '@a b', '@x;rm -rf', 'plain', '@org/team-1']), ['ok', 'org/team-1']);
    });
  });

  describe('plan', () => {
    it('orders by debt: oldest first, unknown age last, then most usages, then key', () => {
      const flags = [flag('b', { ageDays: 10, usageCount: 1 }), flag('c'), flag('a', { ageDays: 10, usageCount: 5 }), flag('d', { ageDays: 400 })];
      assert.deepEqual(flags.sort(byDebt).map((f) => f.key), ['d', 'a', 'b', 'c']);
    });

    it('one branch per flag, or per owner; --max keeps the first N and returns the rest', () => {
      const due = [flag('x', { owner: 'payments' }), flag('y', { owner: 'search' }), flag('z', { owner: 'payments' }), flag('w')];
      const one = planBranches(due, { prefix: 'flagsweep/remove-', max: 2 });
      assert.deepEqual(one.branches.map((b) => b.branch), ['flagsweep/remove-x', 'flagsweep/remove-y']);
      assert.deepEqual(one.leftOut.map((f) => f.key), ['z', 'w']);
      const grouped = planBranches(due, { prefix: 'sweep/', groupBy: 'owner' });
      assert.deepEqual(
        grouped.branches.map((b) => [b.branch, b.id, b.flags.map((f) => f.key)]),
        [
          ['sweep/owner-payments', 'owner-payments', ['x', 'z']],
          ['sweep/owner-search', 'owner-search', ['y']],
          ['sweep/owner-unowned', 'owner-unowned', ['w']],
        ],
      );
    });

    it('keys and owners become valid branch names', () => {
      assert.equal(refSafe('new checkout'), 'new-checkout');
      assert.equal(refSafe('@acme/payments'), 'acme/payments');
      assert.equal(refSafe('a..b~^:?*[x'), 'a.b-x');
      assert.equal(refSafe('feature.lock'), 'feature-lock');
      assert.equal(refSafe('...'), 'flag');
    });
  });

  describe('commit message and pull-request text', () => {
    it('subject names key and kept value, and sweep recognises its own subjects', () => {
      assert.equal(commitSubject({ key: 'pricing', value: 'tiered' }), 'chore(flags): remove pricing (keep "tiered")');
      assert.equal(SWEEP_SUBJECT.exec(commitSubject({ key: 'a.b', value: { x: 1 } }))?.[1], 'a.b');
      assert.equal(SWEEP_SUBJECT.exec('fix: something'), null);
      assert.equal(branchTitle([flag('a'), flag('b'), flag('c'), flag('d')], 'payments'), 'chore(flags): remove 4 flags owned by payments (a, b, c and 1 more)');
    });

    it('the body says what was left for a person, and escapes text from code and flag services', () => {
      const f = flag('evil', { reason: 'owner <script>alert(1)</script> | **bold**', owner: '[x](javascript:alert(1))', description: 'line\nbreak' });
      const o = outcome('evil', { leftForHuman: [{ file: 'src/b.ts', line: 9, column: 3, reason: 'the flag is passed to a function' }] });
      const branch: BranchOutcome = { branch: 'flagsweep/remove-evil', id: 'evil', state: 'created', title: 't', owners: ['x'], reviewers: ['@acme/x'], ghReviewers: ['acme/x'], flags: [o], body: '' };
      const body = pullRequestBody({ branch, flags: [f], baseRef: 'main', today: '2026-11-22' });
      assert.ok(!body.includes('<script>'));
      assert.ok(body.includes('&lt;script&gt;'));
      assert.doesNotMatch(body, /[^\\]\]\(javascript/, 'no live Markdown link');
      assert.ok(body.includes('\\[x\\](javascript:alert(1))'));
      assert.match(body, /\\\| \\\*\\\*bold\\\*\\\*/);
      assert.match(body, /finish them by hand in this branch before merging:\n\n- `src\/b\.ts:9:3`: the flag is passed to a function/);
      assert.match(body, /\(reviewers: @acme\/x\)/);
      assert.match(body, /git revert abcdef012345/);
      const message = commitMessage(f, o, ['@acme/x']);
      assert.match(message, /^chore\(flags\): remove evil \(keep true\)\n\nStatus: expired: /);
      assert.match(message, /Left for a person: src\/b\.ts:9/);
    });

    it('backtick spans in reasons stay code; everything else is escaped', () => {
      const f = flag('k', { status: 'stale', reason: 'serves `true` to everyone since 2026-09-01 <b>' });
      const branch: BranchOutcome = { branch: 'b', id: 'k', state: 'created', title: 't', owners: [], reviewers: [], ghReviewers: [], flags: [outcome('k')], body: '' };
      const body = pullRequestBody({ branch, flags: [f], baseRef: 'main', today: '2026-11-22' });
      assert.match(body, /^`k` is \*\*stale\*\*: serves `true` to everyone since 2026-09-01 &lt;b&gt;\./);
    });

    it('a grouped body lists every flag and the ones left out with their reason', () => {
      const branch: BranchOutcome = {
        branch: 'flagsweep/remove-owner-payments',
        id: 'owner-payments',
        state: 'created',
        title: 't',
        owners: ['payments'],
        reviewers: [],
        ghReviewers: [],
        flags: [outcome('a'), outcome('b'), outcome('c', { outcome: 'skipped', skipReason: 'the cleanup would break the type check: src/c.ts:1:1 TS2322 nope' })],
        body: '',
      };
      const body = pullRequestBody({ branch, flags: [flag('a', { owner: 'payments' }), flag('b', { owner: 'payments' }), flag('c', { owner: 'payments' })], baseRef: 'main', today: '2026-11-22' });
      assert.match(body, /^This removes 2 flags owned by payments, one commit each/);
      assert.match(body, /## `a`[\s\S]*## `b`/);
      assert.match(body, /### Not in this pull request\n\n- `c`: the cleanup would break the type check: src\/c\.ts:1:1 TS2322 nope/);
    });
  });
});

describe('sweep: which flags are due', () => {
  const stale = (key: string, over: Partial<FlagRecord> = {}): FlagRecord => ({
    key,
    status: 'stale',
    reason: 'serves `true` to everyone since 2026-01-01',
    usages: [],
    declarations: [],
    state: { key, source: 'flagd:flags.flagd.json', exists: true, enabled: true, winner: { kind: 'value', value: true } } as FlagRecord['state'],
    winner: { kind: 'value', value: true },
    ...over,
  });
  const dynamicRead = { key: null, file: '/repo/src/a.ts', range: { line: 3, column: 7 }, dynamic: { expression: "x ? 'a' : 'b'", reason: 'conditional expression', possibleKeys: ['a', 'b'] } } as unknown as FlagCheck;
  const select = (records: FlagRecord[]) =>
    selectDueFlags({ records, debt: [], snapshots: [{ id: 'flagd:flags.flagd.json', health: 'ok' } as never], statuses: ['stale'], rootInRepo: '', sourceLabel: 'flags.flagd.json', repoRoot: '/repo' });

  it('a flag read only where its key is chosen at run time is not swept, and the reason says so', () => {
    const { due, notEligible } = select([stale('a', { possibleReads: [dynamicRead] }), stale('unread')]);
    assert.deepEqual(due, []);
    assert.deepEqual(notEligible, [
      { key: 'a', status: 'stale', reason: 'its only reads choose the key at run time (1 place): a person changes them' },
      { key: 'unread', status: 'stale', reason: 'no code reads it: nothing to remove from the code' },
    ]);
  });
});
