import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { loadConfig } from '../../src/config';
import { sdksFromImports, sdksFromPackageJson } from '../../src/config/starter';
import { wrapperPatternAt } from '../../src/keys/wrapper-hint';
import { copyFixture, runCli } from './helpers';

/** The demo app without its config and flag file: what a team has before `flagsweep init`. */
function demoWithoutFlagsweep(): string {
  const dir = copyFixture('demo-app');
  fs.rmSync(path.join(dir, 'flagsweep.config.json'));
  fs.rmSync(path.join(dir, 'flags.flagd.json'));
  return dir;
}

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-init-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('flagsweep init', function () {
  this.timeout(120_000);
  it('writes a commented flagsweep.config.jsonc with the SDKs and wrappers found, and a flag file with every key', () => {
    const dir = demoWithoutFlagsweep();
    const run = runCli(['init'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      run.stdout,
      [
        'SDKs: openfeature, launchdarkly, unleash',
        'wrapper: isFeatureOn (key argument 0) added to patterns',
        'wrote flagsweep.config.jsonc',
        'wrote flags.flagd.json (7 flags found)',
        'next: flagsweep scan, then flagsweep check in CI (docs/init.md)',
        '',
      ].join('\n'),
    );
    const text = fs.readFileSync(path.join(dir, 'flagsweep.config.jsonc'), 'utf8');
    assert.match(text, /^\/\/ flagsweep config \(JSONC/);
    assert.match(text, /\n  \/\/ SDKs found in package.json and imports/);
    const config = loadConfig(dir);
    assert.equal(config.configFile, path.join(dir, 'flagsweep.config.jsonc'));
    assert.deepEqual(config.sdks, ['openfeature', 'launchdarkly', 'unleash']);
    assert.deepEqual(config.patterns, [{ call: 'isFeatureOn', key: 0, negate: false }]);
    assert.ok(fs.existsSync(path.resolve(dir, (parseJsonc(text) as { $schema: string }).$schema)), '$schema points at the real schema file');

    const flags = JSON.parse(fs.readFileSync(path.join(dir, 'flags.flagd.json'), 'utf8'));
    assert.equal(flags.$schema, 'https://flagd.dev/schema/v0/flags.json');
    assert.deepEqual(Object.keys(flags.flags), ['darkMode', 'holiday-banner', 'legacy-payments', 'new-checkout', 'new-search', 'nightly-reindex', 'pricing-experiment']);
    // Every flag keeps serving what the code serves today: the written default, or the code default when disabled.
    assert.deepEqual(flags.flags['legacy-payments'], { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' });
    assert.deepEqual(flags.flags['pricing-experiment'].variants, { default: 'control' });
    assert.equal(flags.flags.darkMode.state, 'DISABLED');
    assert.deepEqual(flags.flags['holiday-banner'].metadata, { owner: 'marketing' });

    // The result is a working setup: scan reads both files and finds every flag, the wrapper's callers included.
    const scan = runCli(['scan', '--format', 'json', '--now', '2026-11-22'], { cwd: dir });
    assert.equal(scan.status, 0, scan.stderr);
    const report = JSON.parse(scan.stdout);
    assert.equal(report.flags.length, 7);
    assert.ok(report.flags.every((f: { status: string }) => f.status !== 'missing' && f.status !== 'unused'), scan.stdout);
  });

  it('refuses to overwrite: exit 2, one line, nothing written (config, .jsonc, package.json key, flag file)', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'flagsweep.config.json': '{}' }, /flagsweep\.config\.json already exists; init writes nothing \(edit that file instead\)\n$/],
      [{ 'flagsweep.config.jsonc': '{}' }, /flagsweep\.config\.jsonc already exists; init writes nothing/],
      [{ 'package.json': '{"flagsweep":{}}' }, /package\.json already has a "flagsweep" config; init writes nothing\n$/],
      [{ 'flags.flagd.json': '{"flags":{}}' }, /flags\.flagd\.json already exists; init writes nothing/],
    ];
    for (const [files, message] of cases) {
      const dir = project({ ...files, 'src/a.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nOpenFeature.getClient().getBooleanValue('a', false);\n" });
      const before = fs.readdirSync(dir).sort();
      const run = runCli(['init', dir]);
      assert.equal(run.status, 2, run.stdout);
      assert.match(run.stderr, /^flagsweep: /);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.split('\n').length, 2);
      assert.equal(run.stdout, '');
      assert.deepEqual(fs.readdirSync(dir).sort(), before);
    }
  });

  it('--json writes plain flagsweep.config.json; a project without SDKs keeps every preset on', () => {
    const dir = project({ 'src/a.ts': 'export const x = 1;\n' });
    const run = runCli(['init', '--json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^SDKs: none found \(every supported SDK stays on\)\n/);
    assert.match(run.stdout, /wrote flags\.flagd\.json \(0 flags found\)/);
    const text = fs.readFileSync(path.join(dir, 'flagsweep.config.json'), 'utf8');
    const config = JSON.parse(text);
    assert.equal(config.sdks, undefined);
    assert.deepEqual(config.patterns, []);
    assert.ok(!text.includes('//'));
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'flags.flagd.json'), 'utf8')).flags, {});
    assert.ok(!fs.existsSync(path.join(dir, 'flagsweep.config.jsonc')));
  });

  it('a FIFO named package.json is read as no package.json: init never waits on it', () => {
    const dir = project({ 'src/a.ts': 'export const x = 1;\n' });
    execFileSync('mkfifo', [path.join(dir, 'package.json')]);
    const run = runCli(['init', '--json'], { cwd: dir, timeout: 20_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /wrote flags\.flagd\.json \(0 flags found\)/);
  });

  it('a folder that does not exist is a usage error', () => {
    const run = runCli(['init', '/nonexistent/flagsweep-init']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'flagsweep: /nonexistent/flagsweep-init: no such folder\n');
  });

  it('detects SDKs from dependencies (subpaths too) and from imports and requires', () => {
    assert.deepEqual(sdksFromPackageJson({ dependencies: { 'posthog-js': '1' }, devDependencies: { '@growthbook/growthbook-react': '1', react: '19' } }), ['growthbook', 'posthog']);
    assert.deepEqual(sdksFromPackageJson(null), []);
    assert.deepEqual(
      sdksFromImports("import x from 'flagsmith/react';\nconst c = require(\"configcat-node\");\nconst u = await import('unleash-client');\nimport 'left-pad';"),
      ['unleash', 'flagsmith', 'configcat'],
    );
  });
});

describe('wrapper functions around SDK calls', function () {
  this.timeout(60_000);
  const cases: [string, string, { call: string; key: number } | undefined][] = [
    ['a function declaration', 'export function isOn(user, key) { return client.isEnabled(key); }', { call: 'isOn', key: 1 }],
    ['an arrow function in a const', 'export const flag = (key: string) => client.getBooleanValue(key, false);', { call: 'flag', key: 0 }],
    ['a class method (any receiver)', 'class Flags { on(key: string) { return client.isEnabled(key); } }', { call: '*.on', key: 0 }],
    ['a rest parameter (no single key argument)', 'function on(...keys: string[]) { return client.isEnabled(keys); }', undefined],
  ];
  for (const [title, code, expected] of cases) {
    it(`finds the pattern for ${title}`, () => {
      const at = code.lastIndexOf('(key') >= 0 ? code.lastIndexOf('(key') + 1 : code.lastIndexOf('(keys') + 1;
      assert.deepEqual(wrapperPatternAt('a.ts', code, at), expected);
    });
  }

  it('scan hints at an undeclared wrapper; once it is declared, its body is no longer a dynamic key', () => {
    const dir = project({
      'src/flags.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nexport function isEnabled(key: string) {\n  return client.getBooleanValue(key, false);\n}\n",
      'src/app.ts': "import { isEnabled } from './flags';\nexport const on = isEnabled('new-nav');\n",
      'flagsweep.config.json': '{}',
    });
    const before = runCli(['scan', '--format', 'json', '--now', '2026-11-22'], { cwd: dir });
    assert.equal(before.status, 0, before.stderr);
    assert.deepEqual(
      JSON.parse(before.stdout).dynamic.map((d: { reason: string }) => d.reason),
      ['`key` is a function parameter; if isEnabled is a flag wrapper, add { "call": "isEnabled", "key": 0 } to patterns'],
    );
    fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), '{ "patterns": [{ "call": "isEnabled", "key": 0 }] }');
    const after = JSON.parse(runCli(['scan', '--format', 'json', '--now', '2026-11-22'], { cwd: dir }).stdout);
    assert.deepEqual(after.dynamic, []);
    assert.deepEqual(after.flags.map((f: { key: string }) => f.key), ['new-nav']);
  });
});
