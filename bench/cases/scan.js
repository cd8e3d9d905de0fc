'use strict';
// Scan speed against ripgrep, in one run, on the same files and the same tokens:
//   ripgrep          `rg -l -F -e <token>… -- <files>`: the prefilter's tokens, the file list flagsweep scans
//   flagsweep cold   `flagsweep scan --format json` in a fresh process (no scan cache; the compiler's V8 code
//                    cache from an earlier run is used, as it is on a developer's machine after the first run)
//   first run        the same with NODE_DISABLE_COMPILE_CACHE=1: what the very first scan after an install costs
//   flagsweep warm   `flagsweep scan --cache` after one cached run, nothing changed
//   no candidate     the cold scan with a config whose one pattern matches nothing: listing, reading and the
//                    prefilter without a parse, the part of a cold scan that does not depend on the checks found
//   Node start       `node -e 0`: what any Node tool pays before its first line
// on the generated corpus, the calibrated corpus (bench/calibrated.js) and the real apps found under
// $FLAGSWEEP_REAL_APPS (default /work/real/speed; see docs/speed.md). Every figure is a whole process, wall time,
// best of N (the machine may be shared). Budgets: cold ≤ 10x and warm ≤ 3x ripgrep on the calibrated corpus and the
// real apps, peak RSS ≤ 300 MB on a 1M-line cold scan. A budget exceeded makes this case exit 1.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureCorpus, readManifest } = require('../corpus');
const { ensureCalibrated } = require('../calibrated');
const { measureShape, formatShape } = require('../shape');

const ROOT = path.resolve(__dirname, '../..');
const ANALYZER = path.join(ROOT, 'analyzer/dist');
const CLI = path.join(ANALYZER, 'cli/main.js');
const PROBE = path.join(__dirname, '..', 'probe.js');
const REAL_APPS = process.env.FLAGSWEEP_REAL_APPS ?? '/work/real/speed';
const { SMOKE } = require('../smoke');

const ROUNDS = SMOKE ? 1 : Number(process.env.BENCH_ROUNDS ?? 5);
const BUDGET = { cold: 10, warm: 3, rssMb: 300 };
const NOW = '2026-12-01';

function rgVersion() {
  const r = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

/** Wall ms of one process; the probe reports its peak RSS. */
function timed(cmd, args, opts = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { maxBuffer: 512 * 1024 * 1024, encoding: 'utf8', ...opts });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A config as the app's own, whose one pattern matches nothing: a cold scan that parses no file for checks. */
function writeNoCandidateConfig(root, config) {
  const raw = JSON.parse(fs.readFileSync(config.configFile, 'utf8'));
  const file = path.join(path.dirname(config.configFile), '.flagsweep-bench-no-candidate.config.json');
  fs.writeFileSync(file, JSON.stringify({ ...raw, sdks: [], patterns: [{ call: 'flagsweepBenchNeverCalled' }] }));
  return file;
}

function flagsweep(root, args, env = {}) {
  const probeOut = path.join(os.tmpdir(), `flagsweep-bench-probe-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const r = timed(process.execPath, ['-r', PROBE, CLI, 'scan', '--format', 'json', '--now', NOW, ...args], {
    cwd: root,
    env: { ...process.env, ...env, FLAGSWEEP_BENCH_PROBE: probeOut },
  });
  if (r.status !== 0) throw new Error(`flagsweep scan ${args.join(' ')} in ${root} exited ${r.status}: ${r.stderr}`);
  const probe = JSON.parse(fs.readFileSync(probeOut, 'utf8'));
  fs.rmSync(probeOut, { force: true });
  const report = JSON.parse(r.stdout);
  return { ms: r.ms, rssMb: probe.maxRssMb, typescript: probe.typescript, usages: report.summary.usages + report.summary.dynamic };
}

async function measure(name, root, { expectedChecks } = {}) {
  const { loadConfig, listSourceFiles, compilePatterns } = require(ANALYZER);
  const config = loadConfig(root);
  const files = await listSourceFiles(config);
  const tokens = compilePatterns(config).prefilterTokens;
  const shape = await measureShape(root);
  console.log(formatShape(name, shape));
  const rgArgs = ['-l', '-F', ...tokens.flatMap((t) => ['-e', t]), '--', ...files];
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-bench-cache-'));
  const noCandidateConfig = writeNoCandidateConfig(root, config);
  const best = { rg: Infinity, cold: Infinity, first: Infinity, warm: Infinity, noCandidate: Infinity, node: Infinity };
  let rss = 0;
  let rgFiles = 0;
  let noCandidateParsed = false;
  let cold;
  let warm;
  try {
    timed('rg', rgArgs); // page cache warm for everyone
    flagsweep(root, []); // compiler code cache written
    flagsweep(root, ['--cache', '--cache-location', cacheDir]); // scan cache written
    for (let i = 0; i < ROUNDS; i++) {
      const rg = timed('rg', rgArgs);
      if (rg.status !== 0 && rg.status !== 1) throw new Error(`rg exited ${rg.status}: ${rg.stderr}`);
      rgFiles = rg.stdout.split('\n').filter(Boolean).length;
      best.rg = Math.min(best.rg, rg.ms);
      cold = flagsweep(root, []);
      best.cold = Math.min(best.cold, cold.ms);
      rss = Math.max(rss, cold.rssMb);
      warm = flagsweep(root, ['--cache', '--cache-location', cacheDir]);
      best.warm = Math.min(best.warm, warm.ms);
      const none = flagsweep(root, ['--config', noCandidateConfig]);
      best.noCandidate = Math.min(best.noCandidate, none.ms);
      noCandidateParsed = none.typescript;
      best.node = Math.min(best.node, timed(process.execPath, ['-e', '0']).ms);
      if (i < 2) best.first = Math.min(best.first, flagsweep(root, [], { NODE_DISABLE_COMPILE_CACHE: '1' }).ms);
    }
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
    fs.rmSync(noCandidateConfig, { force: true });
  }
  if (cold.usages !== warm.usages) throw new Error(`${name}: warm scan reported ${warm.usages} usages, cold ${cold.usages}`);
  if (warm.typescript) throw new Error(`${name}: the warm scan loaded TypeScript`);
  const row = { name, files: files.length, lines: shape.lines, candidates: shape.candidates, rgFiles, ...best, rss, checks: shape.checks, expectedChecks };
  const print = (k, v) => console.log(`  ${k}: ${v}`);
  print('checks found', expectedChecks === undefined ? shape.checks : `${shape.checks} (expected ${expectedChecks})`);
  print(`ripgrep ms (best of ${ROUNDS}, ${rgFiles} files match a token)`, best.rg.toFixed(0));
  print(`flagsweep cold ms (best of ${ROUNDS})`, `${best.cold.toFixed(0)} = ${(best.cold / best.rg).toFixed(1)}x ripgrep`);
  print('flagsweep first run, no compiler code cache, ms (best of 2)', `${best.first.toFixed(0)} = ${(best.first / best.rg).toFixed(1)}x ripgrep`);
  print(`flagsweep warm ms (--cache, nothing changed; best of ${ROUNDS})`, `${best.warm.toFixed(0)} = ${(best.warm / best.rg).toFixed(1)}x ripgrep`);
  print(`flagsweep cold, no candidate ms (best of ${ROUNDS})`, `${best.noCandidate.toFixed(0)} = ${(best.noCandidate / best.rg).toFixed(1)}x ripgrep${noCandidateParsed ? ' (TypeScript loaded: files with @flag annotations were parsed)' : ', TypeScript not loaded'}`);
  print(`node -e 0 ms (best of ${ROUNDS})`, `${best.node.toFixed(0)} = ${(best.node / best.rg).toFixed(1)}x ripgrep`);
  print('flagsweep cold peak RSS MB', rss.toFixed(0));
  return row;
}

function table(rows) {
  const ms = (v) => `${Math.round(v)} ms`;
  const x = (a, b) => `${(a / b).toFixed(1)}x`;
  const lines = [
    '| corpus | files | lines | candidate files | ripgrep | flagsweep cold | cold / rg | first run (no code cache) | flagsweep warm | warm / rg | cold peak RSS | cold, no candidate | Node start |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(`| ${r.name} | ${r.files} | ${r.lines} | ${r.candidates} | ${ms(r.rg)} | ${ms(r.cold)} | ${x(r.cold, r.rg)} | ${ms(r.first)} (${x(r.first, r.rg)}) | ${ms(r.warm)} | ${x(r.warm, r.rg)} | ${Math.round(r.rss)} MB | ${ms(r.noCandidate)} (${x(r.noCandidate, r.rg)}) | ${ms(r.node)} (${x(r.node, r.rg)}) |`);
  }
  return lines.join('\n');
}

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${rgVersion()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
}

async function main() {
  if (!rgVersion()) throw new Error('ripgrep (rg) is not installed: run scripts/setup/ripgrep.sh');
  const corpora = [
    { name: 'generated', root: ensureCorpus(), expectedChecks: readManifest().expectedChecks, rssBudget: true },
    { name: 'calibrated', root: ensureCalibrated(), budget: true },
  ];
  for (const app of SMOKE ? [] : ['manager', 'gitpod', 'airbyte']) {
    const root = path.join(REAL_APPS, app);
    if (fs.existsSync(path.join(root, 'flagsweep.config.json'))) corpora.push({ name: `real: ${app}`, root, budget: true });
  }
  if (corpora.length === 2 && !SMOKE) console.log(`(no real apps under ${REAL_APPS}; see docs/speed.md to set them up)`);
  const rows = [];
  const over = [];
  for (const c of corpora) {
    const row = await measure(c.name, c.root, c);
    rows.push(row);
    if (c.expectedChecks !== undefined && row.checks !== c.expectedChecks) over.push(`${c.name}: ${row.checks} checks, expected ${c.expectedChecks}`);
    if (SMOKE) continue;
    if (c.budget && row.cold / row.rg > BUDGET.cold) over.push(`${c.name}: cold ${(row.cold / row.rg).toFixed(1)}x ripgrep > ${BUDGET.cold}x`);
    if (c.budget && row.warm / row.rg > BUDGET.warm) over.push(`${c.name}: warm ${(row.warm / row.rg).toFixed(1)}x ripgrep > ${BUDGET.warm}x`);
    if (c.rssBudget && row.rss > BUDGET.rssMb) over.push(`${c.name}: peak RSS ${row.rss.toFixed(0)} MB > ${BUDGET.rssMb} MB`);
  }
  console.log(`\nmachine: ${machine()}`);
  console.log(table(rows));
  for (const o of over) console.log(`over budget: ${o}`);
  if (SMOKE) console.log(`smoke run: small corpora, budgets not checked; ${over.length ? 'FAULTS' : 'no fault'}`);
  else console.log(`scan budgets (cold ≤ ${BUDGET.cold}x, warm ≤ ${BUDGET.warm}x ripgrep; RSS ≤ ${BUDGET.rssMb} MB): ${over.length ? 'EXCEEDED' : 'met'}`);
  if (over.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
