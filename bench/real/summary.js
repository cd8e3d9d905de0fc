'use strict';
// node bench/real/summary.js <results.json>…: one markdown table over several bench:real results (recomputed
// from the runs, so a results file written mid-run counts what it has).
const fs = require('node:fs');
const path = require('node:path');
const { summarize, formatTable, isEnvFailure } = require('./table');

const files = process.argv.slice(2);
if (!files.length) {
  process.stderr.write('usage: node bench/real/summary.js <results.json>…\n');
  process.exit(2);
}
const rows = files.map((f) => {
  const r = JSON.parse(fs.readFileSync(f, 'utf8'));
  const flags = new Set(r.runs.filter((x) => !isEnvFailure(x)).map((x) => x.key)).size;
  return { repo: `${r.repo}${r.label ? ` (${r.label}, ${r.flagsweep})` : ''}`, summary: summarize(r.runs, flags) };
});
console.log(formatTable(rows));
for (const f of files) {
  const r = JSON.parse(fs.readFileSync(f, 'utf8'));
  const dirty = r.runs.filter((x) => x.referee && x.referee.added.length);
  if (!dirty.length) continue;
  console.log(`\n${path.basename(f)}: cleanups adding diagnostics`);
  for (const x of dirty) {
    const codes = [...new Set(x.referee.added.map((d) => `TS${d.code}`))].join(',');
    const d = x.referee.added[0];
    console.log(`- ${x.key}=${JSON.stringify(x.value)}: ${x.referee.added.length} (${codes}) e.g. ${d.file}:${d.line} ${d.message.slice(0, 140)}`);
  }
}
