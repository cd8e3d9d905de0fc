import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const FIXTURE = path.join(REPO, 'test-fixtures/eslint-checkout-expired');
const ESLINT = path.join(REPO, 'node_modules/eslint/bin/eslint.js');

/** Runs the real `eslint --cache` in `cwd` and returns the flagsweep rule ids it reported, with their files. */
function lintWithCache(cwd: string, now: string): { status: number | null; found: string[]; cacheExists: boolean } {
  const run = spawnSync(process.execPath, [ESLINT, '--cache', '--cache-location', path.join(cwd, '.eslintcache'), '--format', 'json', '.'], {
    cwd,
    env: { ...process.env, FLAGSWEEP_NOW: now },
    encoding: 'utf8',
  });
  assert.ok(run.status === 0 || run.status === 1, `eslint exited ${run.status}: ${run.stderr}`);
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
  const found = results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('flagsweep/')).map((m) => `${path.basename(r.filePath)} ${m.ruleId}`));
  return { status: run.status, found: found.sort(), cacheExists: fs.existsSync(path.join(cwd, '.eslintcache')) };
}

describe('eslint --cache follows the date, the flagsweep config and the flag file (built plugin)', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-eslint-cache-'));
    fs.cpSync(FIXTURE, dir, { recursive: true });
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports a flag as expired the day it expires, though the files did not change', () => {
    const before = lintWithCache(dir, '2026-10-30');
    assert.ok(before.cacheExists, 'the first run wrote the cache');
    assert.ok(!before.found.some((f) => f.endsWith('flagsweep/no-expired-flag')), before.found.join(', '));
    assert.equal(before.status, 0);
    // Same files, same cache; the flag's expiry (2026-10-31, in code) has passed.
    const after = lintWithCache(dir, '2026-11-22');
    assert.ok(after.found.includes('checkout.ts flagsweep/no-expired-flag'), after.found.join(', '));
    assert.equal(after.status, 1);
  });

  it('takes a flag-file change into account (a flag deleted from flags.flagd.json becomes unknown)', () => {
    const first = lintWithCache(dir, '2026-11-22');
    assert.ok(!first.found.some((f) => f.endsWith('flagsweep/no-unknown-flag')), first.found.join(', '));
    const flagd = path.join(dir, 'flags.flagd.json');
    const json = JSON.parse(fs.readFileSync(flagd, 'utf8'));
    delete json.flags['dark-mode'];
    fs.writeFileSync(flagd, JSON.stringify(json, null, 2));
    const second = lintWithCache(dir, '2026-11-22');
    assert.ok(second.found.some((f) => f.endsWith('flagsweep/no-unknown-flag')), second.found.join(', '));
  });

  it('takes a flagsweep config change into account (a stricter key length)', () => {
    const first = lintWithCache(dir, '2026-11-22');
    assert.ok(!first.found.some((f) => f.endsWith('flagsweep/flag-key-format')), first.found.join(', '));
    const config = path.join(dir, 'flagsweep.config.json');
    const json = JSON.parse(fs.readFileSync(config, 'utf8'));
    json.keys.maxLength = 5;
    fs.writeFileSync(config, JSON.stringify(json, null, 2));
    const second = lintWithCache(dir, '2026-11-22');
    assert.ok(second.found.some((f) => f.endsWith('flagsweep/flag-key-format')), second.found.join(', '));
  });
});
