import * as assert from 'node:assert/strict';
import { collectDebt } from '../../src/debt';
import { ROOT, sampleRecords } from './records';

describe('collectDebt', () => {
  it('runs the cleanup dry run only for flags that need action and have a winning value, unless asked for all', async () => {
    const asked: string[] = [];
    const dryRun = async (record: { key: string }, value: unknown) => {
      asked.push(`${record.key}=${JSON.stringify(value)}`);
      return record.key.length;
    };
    const report = await collectDebt({ records: sampleRecords(), root: ROOT, today: '2026-11-22', git: false, removableLines: dryRun });
    // expired (true), missing (code default false), stale (true); not expiring (no single value), not unused (no usages), not active.
    assert.deepEqual(asked, ['checkout-v2=true', 'ghost-flag=false', 'new-search=true']);
    assert.equal(report.summary.removableLines, 'checkout-v2'.length + 'ghost-flag'.length + 'new-search'.length);
    assert.equal(report.flags.find((f) => f.key === 'dark-mode')!.removableLines, undefined);

    asked.length = 0;
    await collectDebt({ records: sampleRecords(), root: ROOT, today: '2026-11-22', git: false, removableLines: dryRun, removableFor: 'all' });
    assert.deepEqual(asked, ['checkout-v2=true', 'ghost-flag=false', 'new-search=true', 'dark-mode=true']);
  });
});
