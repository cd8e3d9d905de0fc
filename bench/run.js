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
const cases = fs.readdirSync(casesDir).filter((f) => f.endsWith('.js')).sort();
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
