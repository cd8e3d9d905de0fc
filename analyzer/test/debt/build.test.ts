import * as assert from 'node:assert/strict';
import { buildDebtReport, NO_OWNER } from '../../src/debt';
import type { GitActivity } from '../../src/git';
import { check, record, ROOT, sampleRecords } from './records';

const git = (entries: Record<string, [string, string]>): GitActivity => ({
  repoRoot: '/repo',
  head: 'a'.repeat(40),
  byKey: new Map(Object.entries(entries).map(([k, [first, last]]) => [k, { firstSeen: first, lastTouched: last, uncommitted: false }])),
  invocations: 6,
  notes: [],
});

describe('buildDebtReport', () => {
  it('computes per-flag figures: usages, files, age from git, expiry, winning value', () => {
    const report = buildDebtReport({
      records: sampleRecords(),
      root: ROOT,
      today: '2026-11-22',
      git: git({ 'checkout-v2': ['2025-11-01', '2026-06-01'], 'dark-mode': ['2026-11-01', '2026-11-01'] }),
    });
    const checkout = report.flags.find((f) => f.key === 'checkout-v2')!;
    assert.equal(checkout.usageCount, 2);
    assert.equal(checkout.fileCount, 2);
    assert.deepEqual(
      checkout.usages.map((u) => `${u.file}:${u.line}`),
      ['src/server/pay.ts:40', 'src/web/Checkout.tsx:12'],
    );
    assert.equal(checkout.firstSeen, '2025-11-01');
    assert.equal(checkout.lastTouched, '2026-06-01');
    assert.equal(checkout.ageDays, 386);
    assert.equal(checkout.ageSource, 'git');
    assert.equal(checkout.daysToExpiry, -52);
    assert.equal(checkout.winningValue, true);
    assert.equal(checkout.removableLines, undefined, 'unknown, not 0, without a cleanup dry run');
    // The code default of a missing flag is its winning value when every check writes the same literal.
    const ghost = report.flags.find((f) => f.key === 'ghost-flag')!;
    assert.equal(ghost.hasWinningValue, true);
    assert.equal(ghost.winningValue, false);
    const promo = report.flags.find((f) => f.key === 'promo-<b>banner</b>')!;
    assert.equal(promo.hasWinningValue, false);
    // No git data for an unused flag: its age comes from the source's creation date.
    const unused = report.flags.find((f) => f.key === 'old-experiment')!;
    assert.equal(unused.ageDays, 365);
    assert.equal(unused.ageSource, 'source');
    assert.equal(report.git.rootInRepo, 'app');
    assert.equal(report.git.used, true);
  });

  it('orders flags most urgent first and summarizes by status, owner and age', () => {
    const report = buildDebtReport({
      records: sampleRecords(),
      root: ROOT,
      today: '2026-11-22',
      git: git({ 'checkout-v2': ['2025-11-01', '2026-06-01'], 'new-search': ['2026-08-01', '2026-08-01'], 'dark-mode': ['2026-11-01', '2026-11-01'] }),
      removableLines: new Map([
        ['checkout-v2', 14],
        ['new-search', 6],
        ['promo-<b>banner</b>', 99],
      ]),
    });
    assert.deepEqual(
      report.flags.map((f) => f.status),
      ['expired', 'missing', 'stale', 'expiring', 'unused', 'active'],
    );
    const s = report.summary;
    assert.deepEqual(s.byStatus, { expired: 1, expiring: 1, stale: 1, missing: 1, unused: 1, active: 1 });
    assert.equal(s.flags, 6);
    assert.equal(s.usages, 6);
    assert.equal(s.files, 5);
    assert.equal(s.needsAction, 5);
    // promo has no winning value: its cleanup figure is not counted.
    assert.equal(s.removableLines, 20);
    assert.equal(s.removableLinesKnownFor, 2);
    assert.deepEqual(
      s.byOwner.map((o) => [o.owner, o.flags, o.needsAction, o.usages, o.removableLines]),
      [
        ['@search', 2, 2, 1, 6],
        [NO_OWNER, 1, 1, 1, undefined],
        ['@payments', 1, 1, 2, 14],
        ['growth | "marketing"', 1, 1, 1, undefined],
        ['@design', 1, 0, 1, undefined],
      ],
    );
    assert.deepEqual(
      s.oldest.map((o) => [o.key, o.ageDays]),
      [
        ['checkout-v2', 386],
        ['old-experiment', 365],
        ['new-search', 113],
        ['dark-mode', 21],
      ],
    );
    assert.deepEqual(
      s.ageBuckets.map((b) => [b.label, b.flags]),
      [
        ['< 30 d', 1],
        ['30–89 d', 0],
        ['90–179 d', 1],
        ['180–364 d', 0],
        ['≥ 1 year', 2],
        ['unknown', 2],
      ],
    );
  });

  it('without git says so and leaves ages from git undefined', () => {
    const report = buildDebtReport({ records: [record('a', 'active', [check('a', 'x.ts', 1)])], root: ROOT, today: '2026-11-22' });
    assert.equal(report.flags[0].ageDays, undefined);
    assert.equal(report.git.used, false);
    assert.deepEqual(report.git.notes, ['git data not collected (--no-git)']);
  });

  it('rejects a malformed today', () => {
    assert.throws(() => buildDebtReport({ records: [], root: ROOT, today: '2026-13-01' }), /not a date/);
  });
});
