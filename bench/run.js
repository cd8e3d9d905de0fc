'use strict';
// npm run bench: builds first (see root package.json), makes sure the corpus exists, then runs every
// bench/cases/*.js in name order. Each case prints its figures as `name: value` lines.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureCorpus, readManifest } = require('./corpus');

const started = Date.now();
const dir = ensureCorpus();
const manifest = readManifest();
console.log(`corpus: ${path.relative(process.cwd(), dir) || dir} (${manifest.files} files, ${manifest.lines} lines, ready in ${Date.now() - started} ms)`);

const casesDir = path.join(__dirname, 'cases');
// `npm run bench -- scan cleanup` runs only those cases; `--skip extension` leaves one out (the VS Code case starts
// code-server and Chromium and is the slowest).
const args = process.argv.slice(2);
const skip = new Set(args.flatMap((a, i) => (args[i - 1] === '--skip' ? [a.replace(/\.js$/, '')] : [])));
const only = new Set(args.filter((a, i) => a !== '--skip' && args[i - 1] !== '--skip').map((a) => a.replace(/\.js$/, '')));
const cases = fs
  .readdirSync(casesDir)
  .filter((f) => f.endsWith('.js'))
  .filter((f) => (only.size === 0 || only.has(f.slice(0, -3))) && !skip.has(f.slice(0, -3)))
  .sort();
let failed = 0;
for (const name of cases) {
  console.log(`\n== ${name}`);
  const r = spawnSync(process.execPath, [path.join(casesDir, name)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`${name} failed (exit ${r.status ?? r.signal})`);
  }
}
process.exitCode = failed ? 1 : 0;
