'use strict';
// ESLint plugin benchmark: the same ESLint run over the corpus with and without the flagsweep rules, each in its own
// child process (no warm plugin caches). Overhead = time spent in flagsweep rules (ESLint `stats`, per rule, summed
// over files; includes loading the config, the flag file and the project annotation index) / the rest of that run's
// wall time, i.e. the same run without them. Measuring both inside one run keeps machine load out of the ratio; the
// wall-clock difference of two separate runs is printed too but is noisy on a shared 2-core machine.
// Finally the plugin's problem counts are compared with the CLI's analysis of the same corpus.
//
// BENCH_ESLINT_FILES=N lints only the first N files (sorted) for a quick run; default: the whole corpus.
// BENCH_ESLINT_RECOMMENDED=1 also measures against a baseline with @eslint/js recommended rules (two more runs).
const path = require('node:path');
const { fork } = require('node:child_process');
const { ensureCorpus, readManifest } = require('../corpus');

const REPO = path.resolve(__dirname, '../..');
const BUDGET_PERCENT = 5;

async function child(withPlugin, baseline) {
  const fromRepo = (name) => require(require.resolve(name, { paths: [REPO] }));
  const { ESLint } = fromRepo('eslint');
  const tsParser = fromRepo('@typescript-eslint/parser');
  const js = fromRepo('@eslint/js');
  const dir = ensureCorpus();
  const config = [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser } },
    { files: ['**/*.{js,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.{ts,tsx}', '**/*.{js,jsx}'], linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
  if (baseline === 'recommended') config.push({ files: ['**/*.{ts,tsx,js,jsx}'], rules: js.configs.recommended.rules });
  if (withPlugin) {
    const flagsweep = require(path.join(REPO, 'eslint-plugin/dist'));
    config.push({ files: ['**/*.{ts,tsx,js,jsx}'], ...flagsweep.configs.recommended }, { settings: { flagsweep: { now: '2026-11-22' } } });
  }
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, stats: true, cache: false });
  const limit = Number(process.env.BENCH_ESLINT_FILES || 0);
  const targets = limit > 0 ? await firstFiles(dir, limit) : ['src'];
  const started = performance.now();
  const results = await eslint.lintFiles(targets);
  const wallMs = performance.now() - started;
  let pluginMs = 0;
  let rulesMs = 0;
  let parseMs = 0;
  const byRule = {};
  const problems = {};
  for (const r of results) {
    for (const pass of r.stats?.times?.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [ruleId, t] of Object.entries(pass.rules ?? {})) {
        rulesMs += t.total;
        if (ruleId.startsWith('flagsweep/')) {
          pluginMs += t.total;
          byRule[ruleId] = (byRule[ruleId] ?? 0) + t.total;
        }
      }
    }
    for (const m of r.messages) if (m.ruleId?.startsWith('flagsweep/') || m.ruleId === null) problems[m.ruleId ?? 'fatal'] = (problems[m.ruleId ?? 'fatal'] ?? 0) + 1;
  }
  process.send({ files: results.length, wallMs, pluginMs, rulesMs, parseMs, byRule, problems, maxRssMb: process.resourceUsage().maxRSS / 1024 }, () => process.exit(0));
}

/** The CLI's verdicts for the same corpus: missing flags and flags without expiry, counted per usage. */
async function compareWithCli(problems, print) {
  const { analyze } = require(path.join(REPO, 'analyzer/dist'));
  const r = await analyze({ cwd: ensureCorpus(), now: new Date('2026-11-22T00:00:00Z'), env: {}, offline: true });
  const usages = (records) => records.reduce((n, x) => n + x.usages.length, 0);
  const missing = usages(r.records.filter((x) => x.status === 'missing'));
  const noExpiry = usages(r.records.filter((x) => !x.expires && x.usages.length > 0));
  const same = (a, b) => (a === b ? 'same' : 'DIFFERENT');
  const unknown = problems['flagsweep/no-unknown-flag'] ?? 0;
  const withoutExpiry = problems['flagsweep/require-flag-expiry'] ?? 0;
  print('plugin vs CLI: unknown-flag reads', `${unknown} vs ${missing} missing-flag usages (${same(unknown, missing)})`);
  print('plugin vs CLI: reads without expiry', `${withoutExpiry} vs ${noExpiry} usages (${same(withoutExpiry, noExpiry)})`);
}

async function firstFiles(dir, limit) {
  const { listSourceFiles, loadConfig } = require(path.join(REPO, 'analyzer/dist'));
  return (await listSourceFiles(loadConfig(dir))).slice(0, limit);
}

function run(withPlugin, baseline) {
  return new Promise((resolve, reject) => {
    const p = fork(__filename, ['child', withPlugin ? 'plugin' : 'none', baseline], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result;
    p.on('message', (m) => (result = m));
    p.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`eslint child exited with ${code}`))));
  });
}

async function main() {
  const manifest = readManifest();
  const print = (name, value) => console.log(`${name}: ${value}`);
  const limit = Number(process.env.BENCH_ESLINT_FILES || 0);
  print('eslint files', limit > 0 ? `${limit} of ${manifest.files} (BENCH_ESLINT_FILES)` : `${manifest.files} (${manifest.lines} lines, the whole corpus)`);
  const baselines = process.env.BENCH_ESLINT_RECOMMENDED === '1' ? ['parse-only', 'recommended'] : ['parse-only'];
  for (const baseline of baselines) {
    const without = await run(false, baseline);
    const withPlugin = await run(true, baseline);
    const overhead = (100 * withPlugin.pluginMs) / (withPlugin.wallMs - withPlugin.pluginMs);
    const wallDelta = (100 * (withPlugin.wallMs - without.wallMs)) / without.wallMs;
    const label = baseline === 'parse-only' ? 'parsers only' : 'parsers + @eslint/js recommended';
    print(`eslint baseline (${label}) ms`, Math.round(without.wallMs));
    print(`eslint with flagsweep rules (${label}) ms`, Math.round(withPlugin.wallMs));
    print(`flagsweep rules total ms (${label})`, Math.round(withPlugin.pluginMs));
    print(`flagsweep rule overhead % (${label})`, `${overhead.toFixed(2)} (budget ${BUDGET_PERCENT}%) ${overhead <= BUDGET_PERCENT ? 'OK' : 'OVER BUDGET'}`);
    print(`wall-clock difference % (${label})`, wallDelta.toFixed(2));
    if (baseline === 'parse-only') {
      print('flagsweep ms per rule', Object.entries(withPlugin.byRule).map(([r, ms]) => `${r.replace('flagsweep/', '')}=${Math.round(ms)}`).join(' '));
      print('flagsweep problems', JSON.stringify(withPlugin.problems));
      print('eslint max RSS MB (with plugin)', Math.round(withPlugin.maxRssMb));
      // Same lint, same process shape, without the plugin: the plugin's memory cost (budget 50 MB).
      print('eslint max RSS MB added by the plugin', `${Math.round(withPlugin.maxRssMb - without.maxRssMb)} (without: ${Math.round(without.maxRssMb)})`);
      if (!limit) await compareWithCli(withPlugin.problems, print);
    }
    if (overhead > BUDGET_PERCENT) process.exitCode = 1;
  }
}

if (process.argv[2] === 'child') child(process.argv[3] === 'plugin', process.argv[4]).catch((e) => { console.error(e); process.exit(1); });
else main().catch((e) => { console.error(e); process.exit(1); });
