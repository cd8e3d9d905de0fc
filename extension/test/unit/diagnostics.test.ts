import * as assert from 'node:assert/strict';
import { DEFAULT_SEVERITIES, recordToDiagnostics, unreachableDiagnostic } from '../../src/mapping/diagnostics';
import { record, state } from './records';

describe('recordToDiagnostics', () => {
  it('puts one diagnostic on each usage of an expired flag, with reason, winning value and a stable code', () => {
    const diags = recordToDiagnostics(record(), { severities: DEFAULT_SEVERITIES });
    assert.equal(diags.length, 2);
    const d = diags[0];
    assert.equal(d.file, '/ws/src/checkout.tsx');
    assert.deepEqual(d.range, { startLine: 4, startCharacter: 19, endLine: 4, endCharacter: 41 });
    assert.equal(d.severity, 'warning');
    assert.equal(d.code.value, 'flagsweep/expired');
    assert.match(d.code.target, /#flagsweepexpired$/);
    assert.equal(
      d.message,
      'Flag "new-checkout" is expired: expired on 2026-11-19 (3 days ago) and still read in 2 places across 2 files. Winning value `true` (ON for everyone): remove the flag and keep it.',
    );
  });

  it('limits to one file and honours configured severities, including off', () => {
    assert.equal(recordToDiagnostics(record(), { severities: DEFAULT_SEVERITIES, file: '/ws/src/summary.ts' }).length, 1);
    assert.equal(recordToDiagnostics(record(), { severities: { ...DEFAULT_SEVERITIES, expired: 'error' } })[0].severity, 'error');
    assert.deepEqual(recordToDiagnostics(record(), { severities: { ...DEFAULT_SEVERITIES, expired: 'off' } }), []);
  });

  it('reports missing flags as evaluating to the code default, and nothing for active flags', () => {
    const reason = 'read in 1 place but not defined in flags.flagd.json: every check evaluates to the code default';
    const missing = recordToDiagnostics(record({ status: 'missing', state: undefined, winner: { kind: 'code-default' }, reason }), { severities: DEFAULT_SEVERITIES });
    // The reason already names the code default: said once, not three times.
    assert.equal(missing[0].message, `Flag "new-checkout" is not defined in any flag source: ${reason}.`);
    const off = recordToDiagnostics(record({ status: 'stale', state: state({ enabled: false }), winner: { kind: 'code-default' }, reason: 'unchanged' }), { severities: DEFAULT_SEVERITIES });
    assert.equal(off[0].message, 'Flag "new-checkout" is stale: unchanged. OFF: serves the code default.');
    assert.deepEqual(recordToDiagnostics(record({ status: 'active', state: state() }), { severities: DEFAULT_SEVERITIES }), []);
  });

  it('fades unreachable code with the Unnecessary tag', () => {
    const d = unreachableDiagnostic('/ws/a.ts', { startLine: 1, startCharacter: 0, endLine: 3, endCharacter: 1 }, 'new-checkout', true);
    assert.deepEqual(d.tags, ['unnecessary']);
    assert.equal(d.severity, 'hint');
    assert.equal(d.code.value, 'flagsweep/unreachable');
  });
});
