import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/analyze';
import { cleanupFlag } from '../../src/cleanup';
import { loadConfig } from '../../src/config';
import { formatText } from '../../src/report/text';
import { toJsonReport } from '../../src/report/json';
import { copyFixtureProject } from './helpers';

// `flags.isEnabled(invoiceIsNew ? 'new-taxes' : 'old-taxes')` reads one of two flags, chosen at run time. Neither
// flag may be called unused (a user would delete a live flag from the flag service), and a cleanup of either must
// leave that read to a person and keep the flag defined. Seen on linode/manager: `flags[cond ? 'taxes' : 'taxBanner']`.
describe('a read whose key is chosen at run time among known keys (test-fixtures/cleanup-conditional-key-read)', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = copyFixtureProject('cleanup-conditional-key-read');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = () => analyze({ cwd: dir, now: new Date('2026-12-01T00:00:00Z'), env: {}, offline: true });

  it('the keys it may read are not unused: each record lists the read as a possible one', async () => {
    const result = await run();
    const byKey = new Map(result.records.map((r) => [r.key, r]));
    for (const key of ['new-taxes', 'old-taxes']) {
      const record = byKey.get(key)!;
      assert.equal(record.status, 'active', `${key}: ${record.reason}`);
      assert.equal(record.usages.length, 0);
      assert.deepEqual(
        record.possibleReads?.map((c) => [path.relative(dir, c.file), c.range.line]),
        [['src/billing.ts', 5]],
      );
      assert.match(record.reason, /read in 1 place where the key is chosen at run time/);
    }
    assert.equal(byKey.get('really-unused')!.status, 'unused');
    assert.equal(byKey.get('new-nav')!.status, 'active');
    assert.equal(byKey.get('new-nav')!.possibleReads, undefined);
  });

  it('reports name the keys the read picks from', async () => {
    const result = await run();
    const json = toJsonReport(result);
    assert.deepEqual(json.dynamic, [
      { file: 'src/billing.ts', line: 5, column: 10, kind: 'call', expression: "invoiceIsNew ? 'new-taxes' : 'old-taxes'", reason: 'conditional expression', possibleKeys: ['new-taxes', 'old-taxes'] },
    ]);
    assert.deepEqual(json.flags.find((f) => f.key === 'new-taxes')?.possibleReads, [{ file: 'src/billing.ts', line: 5, column: 10 }]);
    assert.equal('possibleReads' in json.flags.find((f) => f.key === 'new-nav')!, false);
    const text = formatText(result, { color: false });
    assert.match(text, /DYNAMIC KEYS: chosen at run time, left to a person \(1\)/);
    assert.match(text, /conditional expression: one of 'new-taxes', 'old-taxes'/);
    assert.match(text, /new-taxes +winning value `true` · 0 usages · 1 possible\n.*\n {4}src\/billing\.ts:5:10 \(key chosen at run time\)/);
  });

  it("a cleanup of one of those keys leaves the read to a person and keeps the flag's definition", async () => {
    const before = fs.readFileSync(path.join(dir, 'flags.flagd.json'), 'utf8');
    const result = await cleanupFlag({ config: loadConfig(dir), key: 'new-taxes', value: true, scope: { kind: 'project' }, removeDefinition: true });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.files, []);
    assert.deepEqual(
      result.leftForHuman.map((s) => [path.relative(dir, s.file), s.line, s.column, s.reason]),
      [['src/billing.ts', 5, 10, "the key is chosen at run time here (conditional expression: one of 'new-taxes', 'old-taxes'): change this read by hand"]],
    );
    assert.ok(
      result.diagnostics.some((d) => d.severity === 'warning' && /flag "new-taxes" stays defined in the flag file: 1 place still picks its key at run time/.test(d.message)),
      JSON.stringify(result.diagnostics),
    );
    assert.equal(fs.readFileSync(path.join(dir, 'flags.flagd.json'), 'utf8'), before);
  });

  it('a flag read plainly in the same file is cleaned as usual, its definition removed', async () => {
    const result = await cleanupFlag({ config: loadConfig(dir), key: 'new-nav', value: true, scope: { kind: 'project' }, removeDefinition: true });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.leftForHuman, []);
    assert.deepEqual(result.files.map((f) => path.relative(dir, f.file)).sort(), ['flags.flagd.json', 'src/billing.ts']);
    const billing = result.files.find((f) => f.file.endsWith('billing.ts'))!.after;
    assert.match(billing, /isEnabled\(invoiceIsNew \? 'new-taxes' : 'old-taxes'\)/);
    assert.match(billing, /export function navigation\(\): string \{\n  return 'new';\n\}/);
  });
});
