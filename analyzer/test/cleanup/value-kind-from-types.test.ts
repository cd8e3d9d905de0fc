import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanupFlag } from '../../src/cleanup';
import { loadConfig } from '../../src/config';
import { copyFixtureProject } from './helpers';

/**
 * test-fixtures/cleanup-value-kind-from-types: reads whose syntax says nothing about the value (a typed generic hook
 * passed to a function, a typed member) take their kind from the project's types when the cleanup verifies, so a
 * value that does not fit is left with the reason instead of being written (`parse(true)` for a record).
 */
describe('cleanup: value kinds from the TypeScript checker (test-fixtures/cleanup-value-kind-from-types)', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = copyFixtureProject('cleanup-value-kind-from-types');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const clean = (key: string, value: unknown) => cleanupFlag({ config: loadConfig(dir), key, value, scope: { kind: 'project' }, verify: true });
  const changed = (r: Awaited<ReturnType<typeof clean>>) => Object.fromEntries(r.files.map((f) => [path.relative(dir, f.file), f.after]));
  const left = (r: Awaited<ReturnType<typeof clean>>) => r.leftForHuman.map((s) => `${path.relative(dir, s.file)}:${s.line} ${s.reason}`);

  it('a typed record passed to a parser is left for a person when given true, with its type as the reason', async () => {
    const r = await clean('connector.ipAddresses', true);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.files, []);
    assert.deepEqual(left(r), ['src/ip-list.ts:4 this check reads the flag as an object (its type is `Record<string, string[]>`), but the value given is true']);
  });

  it('a typed string read takes a string and refuses a boolean', async () => {
    const refused = await clean('sidebar.title', false);
    assert.deepEqual(refused.files, []);
    assert.match(left(refused)[0], /^src\/sidebar\.ts:3 this check reads the flag as a string \(its type is `string`\), but the value given is false$/);
    const r = await clean('sidebar.title', 'Home');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(left(r), []);
    assert.match(changed(r)['src/sidebar.ts'], /render\('Home'\)/);
  });

  it('a typed member of a flag object (`settings.flags.bannerText: string`) refuses a boolean', async () => {
    const r = await clean('bannerText', true);
    assert.deepEqual(r.files, []);
    assert.match(left(r)[0], /^src\/banner\.ts:3 .*as a string \(its type is `string`\)/);
  });

  it('a boolean-typed read is still cleaned, and its import pruned', async () => {
    const r = await clean('billing.newPlans', true);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(left(r), []);
    assert.equal(changed(r)['src/plans.ts'], "export const plans = ['starter', 'team'];\n");
    assert.equal(r.verification?.newDiagnostics.length, 0);
  });

  it('a read typed `any` gets no judgement from the checker: the syntax decides, as without types', async () => {
    const r = await clean('legacy.toggle', true);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(left(r), []);
    assert.match(changed(r)['src/sidebar.ts'], /show\(true\)/);
  });
});
