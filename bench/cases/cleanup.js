'use strict';
// Cleanup benchmark: one flag used in exactly 50 files of the ~1M-line corpus. The corpus is copied to a temp
// folder and a 50-file overlay that reads the flag (calls, negated calls, a constant, a hook destructure, a JSX
// gate, a config entry, a function returning the check) is written into the copy. Then a whole-project
// cleanupFlag (no writes) is timed: listing, prefiltering every file, loading only the files that mention the
// flag, and cleaning them. Budget: under 5 s.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureCorpus } = require('../corpus');
const { SMOKE } = require('../smoke');

const ANALYZER = path.resolve(__dirname, '../../analyzer/dist');
const KEY = 'bench-cleanup-flag';
const FILES = 50;

function overlayFile(i) {
  const n = String(i).padStart(2, '0');
  switch (i % 5) {
    case 0:
      return [`bench${n}.ts`, `import { flags } from '../flags-client';
import { BENCH_CLEANUP_FLAG } from './keys';

export function price${n}(total: number): number {
  if (flags.isEnabled(BENCH_CLEANUP_FLAG)) {
    return total * 0.9;
  }
  return total;
}
`];
    case 1:
      return [`bench${n}.ts`, `import { flags } from '../flags-client';

export function label${n}(): string {
  const on = flags.isEnabled('${KEY}');
  log('label');
  return on ? 'New' : 'Old';
}

function log(x: string): void {
  console.log(x);
}
`];
    case 2:
      return [`bench${n}.tsx`, `import { useToggles } from '../toggles';

export function Panel${n}() {
  const { '${KEY}': benchOn, other } = useToggles();
  return (
    <section>
      {benchOn ? <NewPanel /> : <OldPanel />}
      {other && <Extra />}
    </section>
  );
}
`];
    case 3:
      return [`bench${n}.tsx`, `import { Feature } from '../feature';
import { flags } from '../flags-client';

export function Page${n}() {
  if (flags.isDisabled('${KEY}')) return null;
  return (
    <main>
      <Feature flag="${KEY}">
        <Banner />
      </Feature>
    </main>
  );
}
`];
    default:
      return [`bench${n}.js`, `const { flags } = require('../flags-client');

function isBenchOn() {
  return flags.isEnabled('${KEY}');
}

module.exports.routes${n} = [
  { path: '/a', page: 'a' },
  { path: '/b', page: 'b', flag: '${KEY}' },
];
module.exports.run${n} = () => (isBenchOn() ? 'on' : 'off');
`];
  }
}

const BUDGET_MS = 5000;

async function main() {
  const corpus = ensureCorpus();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-bench-cleanup-'));
  try {
    fs.cpSync(corpus, dir, { recursive: true });
    writeOverlay(dir);
    const { loadConfig, cleanupFlag } = require(ANALYZER);
    const config = loadConfig(dir);
    // Budgeted: without verification (the engine's own work). Then with verification (type-checking the changed
    // files and their importers before and after), and a plain tsc --noEmit of the same files for comparison.
    let started = performance.now();
    const result = await cleanupFlag({ config, key: KEY, value: true, scope: { kind: 'project' } });
    const ms = performance.now() - started;
    if (result.errors.length > 0) throw new Error(result.errors.map((e) => e.message).join('\n'));
    console.log(`cleanup wall time: ${Math.round(ms)} ms`);
    console.log(`files scanned: ${result.stats.filesScanned}`);
    console.log(`files loaded: ${result.stats.filesLoaded}`);
    console.log(`files changed: ${result.files.length}`);
    console.log(`checks cleaned: ${result.stats.checksCleaned}/${result.stats.checksFound}`);
    console.log(`lines removed: ${result.stats.linesRemoved}`);
    console.log(`sites left for a human: ${result.leftForHuman.length}`);
    started = performance.now();
    const verified = await cleanupFlag({ config: loadConfig(dir), key: KEY, value: true, scope: { kind: 'project' }, verify: true });
    const verifiedMs = performance.now() - started;
    console.log(`cleanup with verification wall time: ${Math.round(verifiedMs)} ms (mode ${verified.verification.mode}, ${verified.verification.checkedFiles.length} files checked in ${Math.round(verified.verification.durationMs)} ms, ${verified.verification.newDiagnostics.length} new diagnostics, ${verified.errors.length} errors)`);
    const changed = result.files.map((f) => f.file);
    if (changed.length > 0) {
      const tsc = require.resolve('typescript/bin/tsc', { paths: [path.resolve(__dirname, '../../analyzer')] });
      started = performance.now();
      spawnSync(process.execPath, [tsc, '--noEmit', '--skipLibCheck', '--jsx', 'preserve', '--allowJs', '--target', 'es2022', '--moduleResolution', 'bundler', '--module', 'esnext', ...changed], { cwd: dir, encoding: 'utf8' });
      console.log(`plain tsc --noEmit of the ${changed.length} changed files: ${Math.round(performance.now() - started)} ms`);
    }
    // What the overlay holds is cleanable in full: a read left, a refused or unverified cleanup is a fault, in any run.
    const faults = [];
    if (result.stats.checksCleaned !== result.stats.checksFound || result.stats.checksFound === 0) faults.push(`${result.stats.checksCleaned} of ${result.stats.checksFound} checks cleaned`);
    if (verified.errors.length > 0 || verified.verification.mode === 'skipped') faults.push(`verified cleanup: ${verified.errors.length} errors, verification ${verified.verification.mode}`);
    if (verified.verification.newDiagnostics.length > 0) faults.push(`verified cleanup: ${verified.verification.newDiagnostics.length} new diagnostics`);
    for (const f of faults) console.log(`cleanup fault: ${f}`);
    if (faults.length > 0) process.exitCode = 1;
    if (SMOKE) {
      console.log('smoke run: small corpus, budget not checked');
      return;
    }
    console.log(`within 5 s budget (without verification): ${ms < BUDGET_MS ? 'yes' : 'no'}`);
    if (ms >= BUDGET_MS) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function writeOverlay(dir) {
  const overlay = path.join(dir, 'src', 'cleanup-bench');
  fs.mkdirSync(overlay, { recursive: true });
  fs.writeFileSync(path.join(overlay, 'keys.ts'), `export const BENCH_CLEANUP_FLAG = '${KEY}';\n`);
  for (let i = 1; i < FILES; i++) {
    const [name, text] = overlayFile(i);
    fs.writeFileSync(path.join(overlay, name), text);
  }
}

module.exports = { writeOverlay, KEY };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
