'use strict';
// FLAGSWEEP_BENCH_SMOKE=1: every bench case runs its whole code path on small corpora (about 20k lines, under
// .bench/smoke/), one round, without real apps or VS Code, and prints its figures without judging them against the
// budgets (they are for the 1M-line corpora). Correctness checks (the generated corpus's expected checks, a
// cleanup that must clean every read) still fail the run. test/bench-smoke.test.js runs it, so a case that
// no longer matches the code it measures fails CI instead of the next person's `npm run bench`.
const path = require('node:path');

const SMOKE = process.env.FLAGSWEEP_BENCH_SMOKE === '1';
const REPO_ROOT = path.resolve(__dirname, '..');

/** The folder of a generated corpus: .bench/<name>, or .bench/smoke/<name> in a smoke run. */
function benchDir(name) {
  return SMOKE ? path.join(REPO_ROOT, '.bench', 'smoke', name) : path.join(REPO_ROOT, '.bench', name);
}

/** Lines a generator writes: a million, or 20k in a smoke run. */
function targetLines() {
  return SMOKE ? 20_000 : 1_000_000;
}

module.exports = { SMOKE, benchDir, targetLines };
