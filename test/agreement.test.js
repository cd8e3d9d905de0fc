// The three front ends agree: on the demo app and on test fixtures, the CLI's JSON (`check --format json`), the
// editor's mapping (its pure functions over the session's records, outside VS Code) and a real ESLint run with the
// plugin's recommended config give every flag the same key, status and suggested cleanup command.
'use strict';
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const CLI = path.join(REPO, 'analyzer/dist/cli/main.js');
const TODAY = '2026-11-22';
const FIXTURES = ['demo-app', 'vscode-checkout', 'eslint-checkout-expired', 'cleanup-project-checkout'];
const STATUSES = 'expired,expiring,stale,missing,unused,active';
/** The statuses an ESLint rule reports, by rule. */
const RULE_STATUS = { 'flagsweep/no-expired-flag': 'expired', 'flagsweep/flag-expiring-soon': 'expiring', 'flagsweep/no-unknown-flag': 'missing' };

/** The editor's mapping code, bundled from its sources as the extension bundles it. */
function extensionMapping() {
  const esbuild = require(require.resolve('esbuild', { paths: [path.join(REPO, 'extension')] }));
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-agreement-')), 'mapping.js');
  fs.writeFileSync(`${out}.entry.ts`, [
    `export { recordToDiagnostics } from ${JSON.stringify(path.join(REPO, 'extension/src/mapping/diagnostics.ts'))};`,
    `export { cleanupChoices } from ${JSON.stringify(path.join(REPO, 'extension/src/mapping/cleanup-choices.ts'))};`,
  ].join('\n'));
  esbuild.buildSync({
    entryPoints: [`${out}.entry.ts`], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent',
    alias: { '@flagsweep/analyzer/words': path.join(REPO, 'analyzer/src/words.ts') }, external: ['vscode', '@flagsweep/analyzer'],
  });
  return require(out);
}

function cliFlags(dir) {
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--fail-on', STATUSES, '--offline', '--now', TODAY], { cwd: dir, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const flags = new Map();
  for (const f of JSON.parse(r.stdout).flags) if (f.usages.length > 0) flags.set(f.key, { status: f.status, fix: f.fix });
  return flags;
}

async function sessionRecords(dir) {
  const { loadConfig } = require(path.join(REPO, 'analyzer/dist/index.js'));
  const { createSession } = require(path.join(REPO, 'analyzer/dist/session/index.js'));
  const session = createSession({ config: loadConfig(dir), now: new Date(`${TODAY}T00:00:00Z`) });
  await Promise.all([session.indexAll(), session.loadSources({ offline: true })]);
  return session.records().filter((r) => r.usages.length > 0);
}

function editorFlags(records, mapping) {
  const { cleanupCommand } = require(path.join(REPO, 'analyzer/dist/session/index.js'));
  const flags = new Map();
  for (const record of records) {
    const statuses = new Set(mapping.recordToDiagnostics(record, { severities: {} }).map((d) => d.status));
    // Active and unused flags have no diagnostic: the record's own status is what the hover shows.
    const status = statuses.size === 0 ? record.status : [...statuses][0];
    assert.ok(statuses.size <= 1, `${record.key}: one status at every usage`);
    const chosen = mapping.cleanupChoices(record).find((c) => !c.isChoice);
    flags.set(record.key, { status, fix: cleanupCommand(record.key, chosen ? chosen.value : undefined) });
  }
  return flags;
}

async function eslintFlags(dir) {
  const { ESLint } = require(require.resolve('eslint', { paths: [path.join(REPO, 'eslint-plugin')] }));
  const plugin = require(path.join(REPO, 'eslint-plugin/dist/index.js'));
  const flagsweep = plugin.default ?? plugin;
  const tsParser = require(require.resolve('@typescript-eslint/parser', { paths: [path.join(REPO, 'eslint-plugin')] }));
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,js,jsx}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
      flagsweep.configs.recommended,
      { settings: { flagsweep: { now: TODAY } } },
    ],
  });
  const results = await eslint.lintFiles(['src']);
  const flags = new Map();
  for (const r of results) {
    for (const m of r.messages) {
      const status = RULE_STATUS[m.ruleId];
      if (!status) continue;
      const key = /Flag '([^']+)'/.exec(m.message)?.[1];
      const fix = /`(flagsweep cleanup [^`]+)`/.exec(m.message)?.[1];
      flags.set(key, { status, ...(fix ? { fix } : {}) });
    }
  }
  return flags;
}

describe('the CLI, the editor and ESLint agree on every flag', function () {
  this.timeout(300000);
  let mapping;
  before(() => (mapping = extensionMapping()));

  for (const name of FIXTURES) {
    it(`${name}: key, status and cleanup command`, async () => {
      const dir = path.join(REPO, 'test-fixtures', name);
      const cli = cliFlags(dir);
      assert.ok(cli.size > 0, 'the fixture has flags');
      const editor = editorFlags(await sessionRecords(dir), mapping);
      assert.deepEqual(Object.fromEntries(editor), Object.fromEntries(cli), 'editor vs CLI');
      const eslint = await eslintFlags(dir);
      const expected = [...cli].filter(([, f]) => Object.values(RULE_STATUS).includes(f.status));
      const eslintExpected = Object.fromEntries(expected.map(([k, f]) => [k, f.status === 'missing' ? { status: f.status } : f]));
      assert.deepEqual(Object.fromEntries(eslint), eslintExpected, 'ESLint vs CLI');
    });
  }
});
