import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SweepResult } from '../../src/sweep/types';
import type { FixtureRepo } from '../git/fixture-repo';
import { TODAY, sweepCli, sweepRepo } from './sweep-repo';

describe('flagsweep sweep: cleanups that leave sites for a person', function () {
  this.timeout(300_000);
  let repo: FixtureRepo;

  before(() => {
    repo = sweepRepo();
    const flagd = JSON.parse(fs.readFileSync(path.join(repo.dir, 'flags.flagd.json'), 'utf8'));
    flagd.flags['partial-flag'] = { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on', metadata: { owner: 'payments', expires: '2026-11-01' } };
    flagd.flags['color-scheme'] = { state: 'ENABLED', variants: { red: 'red', blue: 'blue' }, defaultVariant: 'red', metadata: { expires: '2026-11-01' } };
    repo.write({
      'src/color.ts': "import { isFeatureOn } from './lib/feature';\n\nexport const colored = isFeatureOn('color-scheme');\n",
      'flags.flagd.json': JSON.stringify(flagd, null, 2) + '\n',
      'src/mode.ts': [
        "import { isFeatureOn } from './lib/feature';",
        '',
        'export function mode(force: boolean): string {',
        "  let enabled = isFeatureOn('partial-flag');",
        '  if (force) enabled = false;',
        "  return enabled ? 'new' : 'old';",
        '}',
        '',
        "export const banner = (): string => (isFeatureOn('partial-flag') ? 'new' : 'old');",
        '',
      ].join('\n'),
    });
    repo.commitAll('partial flag', '2026-10-01');
  });
  after(() => repo.remove());

  const sweep = (args: string[]) => {
    const run = sweepCli(['sweep', '--now', TODAY, '--format', 'json', '--status', 'expired', '--branch-prefix', 'p/', ...args], repo.dir);
    return JSON.parse(run.stdout) as SweepResult;
  };

  it('are skipped by default, with the site and its reason', () => {
    const b = sweep([]).branches.find((x) => x.id === 'partial-flag')!;
    assert.equal(b.state, 'skipped');
    assert.match(b.skipReason!, /^1 site left for a person \(src\/mode\.ts:2: enabled is reassigned.+\); --include-partial commits the rest$/);
    assert.throws(() => repo.git('rev-parse', '--verify', '--quiet', 'refs/heads/p/partial-flag'));
  });

  it('a flag none of whose checks can be cleaned says why, even with --include-partial', () => {
    const b = sweep(['--include-partial', '--branch-prefix', 'none/']).branches.find((x) => x.id === 'color-scheme')!;
    assert.equal(b.state, 'skipped');
    assert.match(b.skipReason!, /^nothing could be cleaned: 1 site left for a person \(src\/color\.ts:3: .+\)$/);
  });

  it('are committed with --include-partial, the site listed in the pull-request text and the commit', () => {
    const b = sweep(['--include-partial']).branches.find((x) => x.id === 'partial-flag')!;
    assert.equal(b.state, 'created');
    assert.deepEqual(b.flags[0].leftForHuman.map((s) => [s.file, s.line]), [['src/mode.ts', 2]]);
    assert.match(b.body, /### Left for a person\n\nThese sites could not be rewritten safely; finish them by hand in this branch before merging:\n\n- `src\/mode\.ts:2:\d+`: /);
    assert.match(repo.git('log', '-1', '--format=%B', 'p/partial-flag'), /Left for a person: src\/mode\.ts:2/);
    assert.match(repo.git('show', 'p/partial-flag:src/mode.ts'), /export const banner = \(\): string => 'new';/);
    assert.deepEqual(repo.git('diff', '--name-only', 'main', 'p/partial-flag').trim().split('\n'), ['src/mode.ts'], 'the definition stays while code still reads the flag');
  });
});
