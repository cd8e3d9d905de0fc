import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SweepResult } from '../../src/sweep/types';
import type { FixtureRepo } from '../git/fixture-repo';
import { demoRepo } from '../report/demo-repo';
import { TODAY, snapshotCheckout, sweepCli } from './sweep-repo';

describe('flagsweep sweep on the demo app (done-when check)', function () {
  this.timeout(300_000);
  let repo: FixtureRepo;
  before(() => {
    repo = demoRepo();
  });
  after(() => repo.remove());

  it('one verified branch per expired or stale flag, readable PR texts, the checkout untouched', () => {
    fs.appendFileSync(path.join(repo.dir, 'src/server/search.ts'), '// work in progress\n');
    const untouched = snapshotCheckout(repo);
    const run = sweepCli(['sweep', '--now', TODAY, '--pr-dir', path.join(repo.dir, '..', `${path.basename(repo.dir)}-out`), '--format', 'json'], repo.dir);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as SweepResult;
    // new-search (stale) is read by code from 2025-10-15, new-checkout (expired) from 2026-05-20: oldest first.
    assert.deepEqual(result.branches.map((b) => [b.branch, b.state]), [
      ['flagsweep/remove-new-search', 'created'],
      ['flagsweep/remove-new-checkout', 'created'],
    ]);
    for (const b of result.branches) {
      assert.equal(b.flags[0].verification.mode, 'types');
      assert.deepEqual(b.flags[0].verification.newDiagnostics, []);
      assert.equal(b.flags[0].definitionRemovedFrom, 'flags.flagd.json');
      const text = fs.readFileSync(b.prFile!, 'utf8');
      assert.match(text, /### Why[\s\S]*### What changed[\s\S]*### Left for a person\n\nNothing[\s\S]*### Verification\n\nType-checked[\s\S]*### How to revert/);
    }
    assert.match(fs.readFileSync(result.branches[0].prFile!, 'utf8'), /`new-search` is \*\*stale\*\*: serves `true` to everyone since 2026-09-01/);
    assert.match(fs.readFileSync(result.branches[1].prFile!, 'utf8'), /\| In the code since \| 2026-05-20, 186 days \(git blame of its usages\) \|/);
    assert.deepEqual(snapshotCheckout(repo), untouched);
    fs.rmSync(path.dirname(result.branches[0].prFile!), { recursive: true, force: true });
  });
});
