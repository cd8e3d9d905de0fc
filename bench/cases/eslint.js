'use strict';
// ESLint plugin benchmark: the same ESLint run with and without the flagsweep rules, each in its own child process
// (no warm plugin caches), alternated, BENCH_ESLINT_ROUNDS times each (default 3): best wall time, lowest peak RSS.
// Overhead = time spent loading the plugin and in flagsweep rules (ESLint `stats`, per rule, summed over files;
// includes loading the config, the flag file and indexing the project) / the rest of that run's wall time, i.e. the
// same run without them. Measuring both inside one run keeps machine load out of the ratio. The whole cost (ESLint's
// own work for seven more rules and the memory they keep included) is the wall-clock and CPU difference of separate
// runs made without `stats` (which costs time of its own, per rule): printed too, noisy on a shared 2-core machine.
// A third such run has seven rules that do nothing instead (ESLint's cost for any plugin of that size): in a fresh
// process, a lint with no rule at all is 15-20% faster than one with a single empty rule, so the "parsers only"
// baseline's whole-run difference is mostly that, not flagsweep's work.
// Memory = peak RSS with the plugin minus without (lowest of the runs without `stats`).
// Budgets (issue #15): ≤ 5% time, ≤ 50 MB. On the corpus the plugin's problem counts are compared with the CLI's.
//
// BENCH_ESLINT_FILES=N lints only the first N files (sorted) for a quick run; default: the whole corpus.
// BENCH_ESLINT_RECOMMENDED=1 also measures against a baseline with @eslint/js recommended rules.
// BENCH_ESLINT_BASELINES=parse-only,recommended: which baselines, in order (overrides BENCH_ESLINT_RECOMMENDED).
// BENCH_ESLINT_APP=<repo> BENCH_ESLINT_APP_CONFIG=<flagsweep config>: a real app instead of the corpus (kept out of
// this repository; configs in bench/real/configs). The config is copied into the repo for the run as
// .flagsweep-eslint-bench.config.json (the plugin's settings.flagsweep.configFile) and removed afterwards; the files
// it covers are linted with @typescript-eslint/parser, without the app's own ESLint config or dependencies.
// BENCH_ESLINT_APP_LINT=<folder of the app's eslint.config.js, relative to BENCH_ESLINT_APP>: the app's own lint
// instead: its ESLint (resolved from that folder, where the app's ESLint dependencies must be installed) with its own
// config, the flagsweep recommended config added on top for the runs with the plugin.
// BENCH_ESLINT_PLUGIN=<dir>: another build of eslint-plugin/dist (an older commit's worktree) measured instead.
// BENCH_ESLINT_SCAN_CACHE=1: `flagsweep scan --cache` runs first (as in a CI job that checks flags before linting):
// the plugin then reads the scan cache it left (read-only). A cache folder the bench made is removed afterwards.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fork, spawnSync } = require('node:child_process');

const REPO = path.resolve(__dirname, '../..');
const BUDGET_PERCENT = 5;
const BUDGET_RSS_MB = 50;
const APP_CONFIG_NAME = '.flagsweep-eslint-bench.config.json';
const PLUGIN = path.resolve(process.env.BENCH_ESLINT_PLUGIN || path.join(REPO, 'eslint-plugin/dist'));
const { SMOKE } = require('../smoke');

/** One lint in this process: `job` says where, what and with which config. Reports its figures to the parent. */
async function child(job) {
  const fromRepo = (name) => require(require.resolve(name, { paths: [REPO] }));
  // The timed part starts before the plugin is loaded: `eslint .` pays for loading it too.
  const clock = startClock();
  if (job.lintCwd) return report(await appLint(job, clock));
  const { ESLint } = fromRepo('eslint');
  const tsParser = fromRepo('@typescript-eslint/parser');
  const js = fromRepo('@eslint/js');
  const config = [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser } },
    { files: ['**/*.{js,jsx}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.{ts,tsx}', '**/*.{js,jsx}'], linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
  if (job.baseline === 'recommended') config.push({ files: ['**/*.{ts,tsx,js,jsx}'], rules: js.configs.recommended.rules });
  clock.restart();
  if (job.withPlugin) config.push(...pluginConfig(job.configFile, clock));
  if (job.emptyRules) config.push({ files: ['**/*.{ts,tsx,js,jsx}'], ...emptyRulesConfig(job.emptyRules) });
  const eslint = new ESLint({ cwd: job.cwd, overrideConfigFile: true, overrideConfig: config, stats: job.stats !== false, cache: false });
  report(await timedLint(eslint, job, clock));
}

/** The app's own ESLint and config (BENCH_ESLINT_APP_LINT), with the flagsweep recommended config added on top. */
async function appLint(job, clock) {
  const { ESLint } = require(require.resolve('eslint', { paths: [job.lintCwd] }));
  clock.restart();
  const overrideConfig = [];
  if (job.withPlugin) overrideConfig.push(...pluginConfig(path.join(job.cwd, job.configFile), clock));
  if (job.emptyRules) overrideConfig.push({ files: ['**/*.{ts,tsx,js,jsx}'], ...emptyRulesConfig(job.emptyRules) });
  const eslint = new ESLint({ cwd: job.lintCwd, overrideConfig, stats: job.stats !== false, cache: false });
  return timedLint(eslint, job, clock);
}

/** flagsweep's recommended config as a user adds it; the time its `require` takes is counted as the plugin's. */
function pluginConfig(configFile, clock) {
  const loadStarted = performance.now();
  const flagsweep = require(PLUGIN);
  clock.pluginLoadMs = performance.now() - loadStarted;
  const settings = { now: '2026-11-22', ...(configFile ? { configFile } : {}) };
  return [{ files: ['**/*.{ts,tsx,js,jsx}'], ...flagsweep.configs.recommended }, { settings: { flagsweep: settings } }];
}

function startClock() {
  const clock = {
    pluginLoadMs: 0,
    restart() {
      clock.started = performance.now();
      clock.cpuBefore = process.cpuUsage();
    },
  };
  clock.restart();
  return clock;
}

/**
 * A plugin with as many rules as flagsweep's recommended config turns on, each listening to `Program` and doing
 * nothing: what ESLint itself spends on any plugin of that size (a context and listeners per rule per file).
 */
function emptyRulesConfig(names) {
  const rules = Object.fromEntries(names.map((n) => [n, { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) }]));
  return { plugins: { empty: { rules } }, rules: Object.fromEntries(names.map((n) => [`empty/${n}`, 'error'])) };
}

/** Wall and CPU time from the clock's start (the plugin's loading included) to the end of the lint. */
async function timedLint(eslint, job, clock) {
  const targets = job.targetsFile ? JSON.parse(fs.readFileSync(job.targetsFile, 'utf8')) : job.targets;
  const results = await eslint.lintFiles(targets);
  const cpu = process.cpuUsage(clock.cpuBefore);
  const wallMs = performance.now() - clock.started;
  return { results, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, pluginLoadMs: clock.pluginLoadMs };
}

function report({ results, wallMs, cpuMs, pluginLoadMs }) {
  // Loading the plugin is part of its cost, as its rules' time is.
  let pluginMs = pluginLoadMs;
  const byRule = {};
  const problems = {};
  for (const r of results) {
    for (const pass of r.stats?.times?.passes ?? []) {
      for (const [ruleId, t] of Object.entries(pass.rules ?? {})) {
        if (!ruleId.startsWith('flagsweep/')) continue;
        pluginMs += t.total;
        byRule[ruleId] = (byRule[ruleId] ?? 0) + t.total;
      }
    }
    for (const m of r.messages) if (m.ruleId?.startsWith('flagsweep/') || m.ruleId === null) problems[m.ruleId ?? 'fatal'] = (problems[m.ruleId ?? 'fatal'] ?? 0) + 1;
  }
  process.send({ files: results.length, wallMs, cpuMs, pluginMs, pluginLoadMs, byRule, problems, maxRssMb: process.resourceUsage().maxRSS / 1024 }, () => process.exit(0));
}

/** The CLI's verdicts for the same corpus: missing flags and flags without expiry, counted per usage. */
async function compareWithCli(dir, problems, print) {
  const { analyze } = require(path.join(REPO, 'analyzer/dist'));
  const r = await analyze({ cwd: dir, now: new Date('2026-11-22T00:00:00Z'), env: {}, offline: true });
  const usages = (records) => records.reduce((n, x) => n + x.usages.length, 0);
  const missing = usages(r.records.filter((x) => x.status === 'missing'));
  const noExpiry = usages(r.records.filter((x) => !x.expires && x.usages.length > 0));
  const same = (a, b) => (a === b ? 'same' : 'DIFFERENT');
  const unknown = problems['flagsweep/no-unknown-flag'] ?? 0;
  const withoutExpiry = problems['flagsweep/require-flag-expiry'] ?? 0;
  print('plugin vs CLI: unknown-flag reads', `${unknown} vs ${missing} missing-flag usages (${same(unknown, missing)})`);
  print('plugin vs CLI: reads without expiry', `${withoutExpiry} vs ${noExpiry} usages (${same(withoutExpiry, noExpiry)})`);
  // One engine: the rules and the CLI must find the same. A difference is a fault, not a figure.
  if (unknown !== missing || withoutExpiry !== noExpiry) process.exitCode = 1;
}

/** The names of the rules flagsweep's recommended config turns on (read here: a child's clock must not pay for it). */
function recommendedRuleNames() {
  return Object.keys(require(PLUGIN).configs.recommended.rules).map((id) => id.replace('flagsweep/', ''));
}

function run(job) {
  return new Promise((resolve, reject) => {
    const p = fork(__filename, ['child', JSON.stringify(job)], { cwd: job.cwd, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result;
    p.on('message', (m) => (result = m));
    p.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`eslint child exited with ${code}`))));
  });
}

/** What to lint: the corpus (or its first N files), or a real app's files as its flagsweep config lists them. */
async function target(print) {
  const app = process.env.BENCH_ESLINT_APP;
  const { listSourceFiles, loadConfig } = require(path.join(REPO, 'analyzer/dist'));
  if (app) {
    const given = process.env.BENCH_ESLINT_APP_CONFIG;
    if (!given) throw new Error('BENCH_ESLINT_APP needs BENCH_ESLINT_APP_CONFIG (a flagsweep config, e.g. bench/real/configs/manager.json)');
    const cwd = path.resolve(app);
    const configFile = path.join(cwd, APP_CONFIG_NAME);
    fs.copyFileSync(path.resolve(given), configFile);
    const files = await listSourceFiles(loadConfig(cwd, configFile));
    const lines = files.reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').length, 0);
    print('eslint target', `${cwd} (${files.length} files, ${lines} lines, config ${path.relative(REPO, path.resolve(given))})`);
    const lint = process.env.BENCH_ESLINT_APP_LINT;
    const lintCwd = lint ? path.resolve(cwd, lint) : undefined;
    if (lintCwd) print('eslint config', `the app's own (${path.join(lintCwd, 'eslint.config.*')}), its ESLint ${require(require.resolve('eslint/package.json', { paths: [lintCwd] })).version}`);
    return { cwd, lintCwd, configFile: APP_CONFIG_NAME, targets: files, cleanup: () => fs.rmSync(configFile, { force: true }) };
  }
  const { ensureCorpus, readManifest } = require('../corpus');
  const manifest = readManifest();
  const cwd = ensureCorpus();
  const limit = Number(process.env.BENCH_ESLINT_FILES || 0);
  print('eslint files', limit > 0 ? `${limit} of ${manifest.files} (BENCH_ESLINT_FILES)` : `${manifest.files} (${manifest.lines} lines, the whole corpus)`);
  const targets = limit > 0 ? (await listSourceFiles(loadConfig(cwd))).slice(0, limit) : ['src'];
  return { cwd, targets, corpus: !limit, cleanup: () => {} };
}

/** Leaves the scan cache a CI job's `flagsweep scan --cache` would; returns how to undo it. */
function leaveScanCache(cwd, configFile, print) {
  const location = path.join(cwd, 'node_modules/.cache/flagsweep');
  // The outermost folder the scan will create, if any: only that is removed afterwards.
  const made = ['node_modules', 'node_modules/.cache', 'node_modules/.cache/flagsweep'].map((d) => path.join(cwd, d)).find((d) => !fs.existsSync(d));
  // The CLI of the analyzer the measured plugin uses: the cache it writes is the one that plugin reads.
  const analyzer = path.dirname(require.resolve('@flagsweep/analyzer/package.json', { paths: [PLUGIN] }));
  const args = [path.join(analyzer, 'dist/cli/main.js'), 'scan', '.', '--cache', '--format', 'json', '--now', '2026-11-22', ...(configFile ? ['--config', configFile] : [])];
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`flagsweep scan --cache exited ${r.status}: ${r.stderr}`);
  print('scan cache', `left by flagsweep scan --cache in ${location}${made ? ' (removed afterwards)' : ''}`);
  return () => made && fs.rmSync(made, { recursive: true, force: true });
}

async function main() {
  const print = (name, value) => console.log(`${name}: ${value}`);
  const rounds = SMOKE ? 1 : Math.max(1, Number(process.env.BENCH_ESLINT_ROUNDS || 3));
  const t = await target(print);
  // The file list goes to the children in a file: a long list would not fit on a command line.
  const targetsFile = path.join(os.tmpdir(), `flagsweep-bench-eslint-${process.pid}.json`);
  fs.writeFileSync(targetsFile, JSON.stringify(t.targets));
  if (PLUGIN !== path.join(REPO, 'eslint-plugin/dist')) print('plugin measured', PLUGIN);
  const dropCache = process.env.BENCH_ESLINT_SCAN_CACHE === '1' ? leaveScanCache(t.cwd, t.configFile, print) : () => {};
  print('load average at start', os.loadavg().map((l) => l.toFixed(2)).join(' '));
  const chosen = process.env.BENCH_ESLINT_BASELINES?.split(',');
  const baselines = t.lintCwd ? ['app'] : (chosen ?? (process.env.BENCH_ESLINT_RECOMMENDED === '1' ? ['parse-only', 'recommended'] : ['parse-only']));
  try {
    for (const baseline of baselines) {
      const job = { cwd: t.cwd, lintCwd: t.lintCwd, configFile: t.configFile, targetsFile, baseline };
      const without = [];
      const withPlugin = [];
      const timedWithout = [];
      const timedWith = [];
      const timedEmpty = [];
      for (let i = 0; i < rounds; i++) {
        without.push(await run({ ...job, withPlugin: false }));
        withPlugin.push(await run({ ...job, withPlugin: true }));
        // ESLint's per-rule stats cost time of their own, more with more rules: the wall and CPU comparison is made
        // of runs without them.
        timedWithout.push(await run({ ...job, withPlugin: false, stats: false }));
        timedWith.push(await run({ ...job, withPlugin: true, stats: false }));
        timedEmpty.push(await run({ ...job, withPlugin: false, emptyRules: recommendedRuleNames(), stats: false }));
      }
      const bestOf = (runs) => runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
      const lowestRss = (runs) => Math.min(...runs.map((r) => r.maxRssMb));
      const w = bestOf(withPlugin);
      const wo = bestOf(without);
      // The share in the run with the best wall time, and the lowest over all runs with the plugin.
      const share = (r) => (100 * r.pluginMs) / (r.wallMs - r.pluginMs);
      const overhead = share(w);
      // Memory is judged on the runs without --stats, as a user lints: with it, ESLint keeps a timing object per rule
      // and file, more with seven more rules, and those runs' heaps now and then grow far past what is live.
      const addedRss = lowestRss(timedWith) - lowestRss(timedWithout);
      const label = { 'parse-only': 'parsers only', recommended: 'parsers + @eslint/js recommended', app: "the app's own config" }[baseline];
      print(`eslint without flagsweep (${label}) ms, best of ${rounds}`, `${Math.round(wo.wallMs)} (runs ${without.map((r) => Math.round(r.wallMs)).join(' ')})`);
      print(`eslint with flagsweep rules (${label}) ms, best of ${rounds}`, `${Math.round(w.wallMs)} (runs ${withPlugin.map((r) => Math.round(r.wallMs)).join(' ')})`);
      print(`flagsweep total ms: loading the plugin + its rules (${label})`, `${Math.round(w.pluginMs)} (runs ${withPlugin.map((r) => Math.round(r.pluginMs)).join(' ')})`);
      print(`flagsweep rule overhead % (${label})`, `${overhead.toFixed(2)} (lowest ${Math.min(...withPlugin.map(share)).toFixed(2)}; budget ${BUDGET_PERCENT}%) ${overhead <= BUDGET_PERCENT ? 'OK' : 'OVER BUDGET'}`);
      const tw = bestOf(timedWith);
      const two = bestOf(timedWithout);
      print(`eslint without / with flagsweep, no --stats (${label}) ms, best of ${rounds}`, `${Math.round(two.wallMs)} / ${Math.round(tw.wallMs)} (runs ${timedWithout.map((r) => Math.round(r.wallMs)).join(' ')} / ${timedWith.map((r) => Math.round(r.wallMs)).join(' ')})`);
      print(`wall-clock difference % (${label}, best runs without --stats)`, ((100 * (tw.wallMs - two.wallMs)) / two.wallMs).toFixed(2));
      // CPU time (all of the process's threads, GC helpers included) moves less with the machine's load than wall
      // time: the difference of the lowest of each says what the plugin costs in all, GC and ESLint's per-rule
      // bookkeeping included, which the rules' own time does not count.
      const lowestCpu = (runs) => Math.min(...runs.map((r) => r.cpuMs));
      const cpuWith = lowestCpu(timedWith);
      const cpuWithout = lowestCpu(timedWithout);
      print(`eslint CPU ms without --stats (${label}) without / with, lowest of ${rounds}`, `${Math.round(cpuWithout)} / ${Math.round(cpuWith)} (runs ${timedWithout.map((r) => Math.round(r.cpuMs)).join(' ')} / ${timedWith.map((r) => Math.round(r.cpuMs)).join(' ')})`);
      print(`CPU difference % (${label}, lowest runs without --stats)`, ((100 * (cpuWith - cpuWithout)) / cpuWithout).toFixed(2));
      // Each round's runs follow one another: their difference keeps most of the machine's drift out. The median of
      // those differences, with the range, says more on a shared machine than the best runs do.
      const paired = (key) => summarise(timedWith.map((r, i) => (100 * (r[key] - timedWithout[i][key])) / timedWithout[i][key]));
      print(`paired difference % per round, median [range] (${label}, without --stats): wall / CPU`, `${paired('wallMs')} / ${paired('cpuMs')}`);
      // A run whose heap V8 let grow far past what is live (see docs): counted, so one such run is seen as such.
      const ballooned = (runs) => runs.filter((r) => r.maxRssMb > 2 * lowestRss(runs)).length;
      print(`runs whose peak RSS was over twice the lowest (${label}, without --stats): none / empty rules / flagsweep`, `${ballooned(timedWithout)} / ${ballooned(timedEmpty)} / ${ballooned(timedWith)} of ${rounds}`);
      // What ESLint spends on any plugin with as many rules, and what is left for flagsweep's own work.
      const te = bestOf(timedEmpty);
      const cpuEmpty = lowestCpu(timedEmpty);
      print(`eslint with ${Object.keys(w.byRule).length || 'as many'} empty rules instead, no --stats (${label}) wall / CPU ms, best of ${rounds}`, `${Math.round(te.wallMs)} / ${Math.round(cpuEmpty)} (runs ${timedEmpty.map((r) => Math.round(r.wallMs)).join(' ')} / ${timedEmpty.map((r) => Math.round(r.cpuMs)).join(' ')})`);
      print(`  empty rules vs none: wall / CPU difference %`, `${((100 * (te.wallMs - two.wallMs)) / two.wallMs).toFixed(2)} / ${((100 * (cpuEmpty - cpuWithout)) / cpuWithout).toFixed(2)}`);
      print(`eslint peak RSS MB without --stats (${label}): none / empty rules / flagsweep, lowest of ${rounds}`, `${Math.round(lowestRss(timedWithout))} / ${Math.round(lowestRss(timedEmpty))} / ${Math.round(lowestRss(timedWith))} (runs ${[timedWithout, timedEmpty, timedWith].map((runs) => runs.map((r) => Math.round(r.maxRssMb)).join(' ')).join(' / ')})`);
      print(`  flagsweep vs empty rules: wall / CPU difference %`, `${((100 * (tw.wallMs - te.wallMs)) / te.wallMs).toFixed(2)} / ${((100 * (cpuWith - cpuEmpty)) / cpuEmpty).toFixed(2)}`);
      print(`eslint peak RSS MB with --stats (${label}) without / with`, `${Math.round(lowestRss(without))} / ${Math.round(lowestRss(withPlugin))} (runs ${without.map((r) => Math.round(r.maxRssMb)).join(' ')} / ${withPlugin.map((r) => Math.round(r.maxRssMb)).join(' ')})`);
      print(`eslint peak RSS MB added by the plugin (${label}, lowest runs without --stats)`, `${Math.round(addedRss)} (budget ${BUDGET_RSS_MB} MB) ${addedRss <= BUDGET_RSS_MB ? 'OK' : 'OVER BUDGET'}`);
      if (baseline !== 'recommended') {
        print('flagsweep ms per rule', `${Object.entries(w.byRule).map(([r, ms]) => `${r.replace('flagsweep/', '')}=${Math.round(ms)}`).join(' ')}, loading the plugin=${Math.round(w.pluginLoadMs)}`);
        print('flagsweep problems', JSON.stringify(w.problems));
        if (t.corpus) await compareWithCli(t.cwd, w.problems, print);
      }
      if (SMOKE) print('smoke run', 'small corpus, budgets not checked');
      else if (overhead > BUDGET_PERCENT || addedRss > BUDGET_RSS_MB) process.exitCode = 1;
    }
    print('load average at end', os.loadavg().map((l) => l.toFixed(2)).join(' '));
  } finally {
    fs.rmSync(targetsFile, { force: true });
    dropCache();
    t.cleanup();
  }
}

/** `median [lowest, highest]` of percentages. */
function summarise(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return `${median.toFixed(2)} [${sorted[0].toFixed(2)}, ${sorted[sorted.length - 1].toFixed(2)}]`;
}

if (process.argv[2] === 'child') child(JSON.parse(process.argv[3])).catch((e) => { console.error(e); process.exit(1); });
else main().catch((e) => { console.error(e); process.exit(1); });
