import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../cli/helpers';
import { REPO, copyFixtureProject } from './helpers';

function cli(cwd: string, ...args: string[]) {
  const r = runCli(['cleanup', ...args], { cwd, inheritEnv: true, env: { NO_COLOR: '1' }, timeout: 0 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('flagsweep cleanup (the built CLI)', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    // The binary under test is the built one; make sure it matches the sources.
    const build = spawnSync(path.join(REPO, 'node_modules/.bin/tsc'), ['-b', path.join(REPO, 'analyzer')], { encoding: 'utf8' });
    assert.equal(build.status, 0, build.stdout + build.stderr);
  });
  beforeEach(() => {
    dir = copyFixtureProject('cleanup-project-checkout');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--dry-run prints a unified diff and writes nothing (exit 0)', () => {
    const before = snapshot(dir);
    const r = cli(dir, 'new-checkout', '--value', 'true', '--dry-run');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^--- a\/src\/checkout\.ts/m);
    assert.match(r.stdout, /^\+\+\+ b\/src\/checkout\.ts/m);
    assert.match(r.stdout, /^-  return client\.isEnabled\(FLAGS\.NEW_CHECKOUT, false\) \? 'Pay now' : 'Checkout';$/m);
    assert.match(r.stdout, /^\+  return 'Pay now';$/m);
    assert.match(r.stdout, /would change 6 files, \d+ lines removed/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('writes the files and reports lines removed (exit 0); a second run changes nothing', () => {
    const r = cli(dir, 'new-checkout', '--value', 'true', '--remove-definition');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /changed 7 files/);
    assert.match(fs.readFileSync(path.join(dir, 'src/checkout.ts'), 'utf8'), /return 'Pay now';/);
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'flags.flagd.json'), 'utf8'), /new-checkout/);
    const leftovers = [...snapshot(dir).keys()].filter((f) => f.includes('.tmp'));
    assert.deepEqual(leftovers, []);
    // Nothing of the flag is left (no check, declaration or definition): a second run says so and changes nothing.
    const before = snapshot(dir);
    const again = cli(dir, 'new-checkout', '--value', 'true', '--format', 'json');
    assert.equal(again.code, 2, again.stderr);
    assert.equal(again.stderr, 'flagsweep: no flag `new-checkout`\n');
    assert.deepEqual(snapshot(dir), before);
  });

  it('without --value uses the winning value from the flag source', () => {
    const r = cli(dir, 'new-checkout', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.value, true);
    assert.equal(json.written, true);
  });

  it('exit 1 and file:line:col for every site left for a person', () => {
    fs.writeFileSync(path.join(dir, 'src/exported.ts'), "import { client } from './client';\n\nexport const NEW_CHECKOUT_ON = client.isEnabled('new-checkout', false);\n");
    const r = cli(dir, 'new-checkout', '--value', 'true');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /1 site left to finish by hand/);
    assert.match(r.stdout, /src\/exported\.ts:1:14 {2}exported NEW_CHECKOUT_ON holds the flag value/);
  });

  it('exit 2 when the flag has no single winning value and no --value is given', () => {
    const flagd = path.join(dir, 'flags.flagd.json');
    const doc = JSON.parse(fs.readFileSync(flagd, 'utf8'));
    doc.flags['new-checkout'].targeting = { if: [{ '==': [{ var: 'tier' }, 'gold'] }, 'on', 'off'] };
    fs.writeFileSync(flagd, JSON.stringify(doc, null, 2));
    const before = snapshot(dir);
    const r = cli(dir, 'new-checkout');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no single winning value/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('exit 2 on a bad --value and on an unknown option', () => {
    assert.equal(cli(dir, 'new-checkout', '--value', '{oops').code, 2);
    assert.equal(cli(dir, 'new-checkout', '--value', 'true', '--no-such-option').code, 2);
  });

  it('a file that does not parse: exit 2, the error names the file, and nothing at all is written', () => {
    fs.writeFileSync(path.join(dir, 'src/broken.ts'), "import { client } from './client';\nexport const x = client.isEnabled('new-checkout', false) ? (1 : 2;\n");
    const before = snapshot(dir);
    const r = cli(dir, 'new-checkout', '--value', 'true');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /src\/broken\.ts:2:\d+/);
    assert.match(r.stderr, /nothing was written/);
    assert.deepEqual(snapshot(dir), before, 'the files that could be cleaned were not written either');
  });
});
