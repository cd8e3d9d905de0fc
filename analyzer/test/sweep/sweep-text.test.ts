import * as assert from 'node:assert/strict';
import { formatSweepText } from '../../src/cli/commands/sweep-text';
import type { SweepResult } from '../../src/sweep/types';

describe('flagsweep sweep: the text plan', () => {
  it('shows an escape sequence in a key, an owner or a reason instead of sending it to the terminal', () => {
    const result: SweepResult = {
      version: 1,
      dryRun: true,
      today: '2026-11-22',
      base: { ref: 'main', commit: '0123456789abcdef' },
      repoRoot: '/repo',
      branches: [
        {
          branch: 'flagsweep/remove-new-checkout',
          id: 'new-checkout',
          state: 'created',
          title: 'chore(flags): remove new-checkout',
          owners: ['pay\u001b[2Jments'],
          reviewers: ['pay\u001b[2Jments'],
          ghReviewers: [],
          flags: [
            {
              key: 'new-checkout',
              value: true,
              outcome: 'skipped',
              skipReason: 'src/evil\u001b]8;;https://x.test\u0007name.ts does not parse',
              files: [],
              linesRemoved: 0,
              checksCleaned: 0,
              leftForHuman: [],
              errors: [],
              verification: { mode: 'skipped', newDiagnostics: [], checkedFiles: 0, tsconfigs: [] },
            },
          ],
          body: '',
        },
      ],
      notEligible: [{ key: 'old\u009b31m', status: 'active', reason: 'not due' }],
      notes: [],
    };
    const text = formatSweepText(result);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text), text);
    assert.match(text, /reviewers: pay\\x1b\[2Jments\n/);
    assert.match(text, /new-checkout: skipped: src\/evil\\x1b\]8;;https:\/\/x\.test\\x07name\.ts does not parse\n/);
    assert.match(text, /old\\x9b31m \(active\): not due\n/);
  });
});
