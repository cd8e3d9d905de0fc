'use strict';
// node bench/real/recheck.js <repo-dir> <results.json> [--all]: runs the referee again on the saved diffs of a
// finished bench:real run (the ones that added diagnostics, or every written one with --all), e.g. after the
// referee itself changed. Each diff is applied to the clean tree with git apply and taken back out.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { Referee } = require('./referee');
const { summarize } = require('./table');

const [repoArg, resultsArg, flag] = process.argv.slice(2);
if (!repoArg || !resultsArg) {
  process.stderr.write('usage: node bench/real/recheck.js <repo-dir> <results.json> [--all]\n');
  process.exit(2);
}
const repo = path.resolve(repoArg);
const resultsFile = path.resolve(resultsArg);
const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));

function git(args) {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout;
}

const dirty = git(['status', '--porcelain']).split('\n').filter((l) => l && !l.endsWith('.flagsweep-bench.config.json'));
if (dirty.length) {
  process.stderr.write(`recheck: ${repo} is not clean (a bench may be running on it)\n`);
  process.exit(2);
}
const referee = new Referee(repo, (abs) => {
  const r = spawnSync('git', ['show', `HEAD:${path.relative(repo, abs)}`], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : undefined;
});
const todo = results.runs.filter((r) => r.diff && r.referee && (flag === '--all' || r.referee.added.length > 0));
for (const run of todo) {
  const diff = path.join(path.dirname(resultsFile), run.diff);
  git(['apply', diff]);
  try {
    const files = git(['diff', '--name-only']).split('\n').filter(Boolean).map((f) => path.join(repo, f));
    const before = run.referee.added.length;
    run.referee = referee.check(files);
    console.log(`${run.key}=${JSON.stringify(run.value)}: ${before} → ${run.referee.added.length} new diagnostics`);
  } finally {
    git(['checkout', '-q', '--', '.']);
  }
}
results.summary = summarize(results.runs, results.summary.flagsSampled);
results.rechecked = new Date().toISOString();
fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
