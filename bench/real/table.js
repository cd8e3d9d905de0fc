'use strict';
// Figures per repo from the runs of bench/real/run.js, and the markdown table they print as.

/** The product's own dependencies missing (a shared node_modules being reinstalled): not a product crash. */
const ENV_FAILURE = /Cannot find module '[^./][^']*'\nRequire stack:\n- [^\n]*analyzer\/dist\//;
const isEnvFailure = (r) => r.envFailure || ENV_FAILURE.test(r.stderr ?? '');

function summarize(allRuns, sampled) {
  const runs = allRuns.filter((r) => !isEnvFailure(r));
  const written = runs.filter((r) => (r.exit === 0 || r.exit === 1) && r.filesChanged > 0);
  const clean = written.filter((r) => r.referee && r.referee.added.length === 0 && r.referee.errors.length === 0);
  const verified = (r) => r.verification && r.verification.mode !== 'skipped';
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    flagsSampled: sampled,
    cleanups: runs.length,
    written: written.length,
    cleanWritten: clean.length,
    cleanPct: written.length ? Math.round((1000 * clean.length) / written.length) / 10 : null,
    newDiagnostics: written.reduce((n, r) => n + (r.referee ? r.referee.added.length : 0), 0),
    crashes: runs.filter((r) => r.crashed).length,
    refused: runs.filter((r) => r.exit === 2).length,
    verificationRefused: runs.filter((r) => r.filesChanged === 0 && (r.errors ?? []).some((e) => e.kind === 'verification')).length,
    noChange: runs.filter((r) => (r.exit === 0 || r.exit === 1) && r.filesChanged === 0 && !(r.errors ?? []).some((e) => e.kind === 'verification')).length,
    writtenOnExit2: runs.filter((r) => r.exit === 2 && r.filesChanged > 0).length,
    writesAfterVerificationFailure: written.filter((r) => verified(r) && r.referee && r.referee.added.length > 0).length,
    leftForPerson: runs.reduce((n, r) => n + (r.leftForPerson ?? 0), 0),
    leftovers: runs.filter((r) => r.leftovers.length > 0).length,
    linesRemoved: written.reduce((n, r) => n + r.linesRemoved, 0),
    medianMs: times.length ? times[Math.floor(times.length / 2)] : null,
    p90Ms: times.length ? times[Math.floor(times.length * 0.9)] : null,
  };
}

function formatTable(rows) {
  const head = ['repo', 'flags sampled', 'cleanups', 'written', 'no new diagnostic', 'crashes', 'refused (exit 2)', 'refused by verification', 'no change', 'writes after verification failure', 'left for a person', 'median / p90 s'];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const { repo, summary: s } of rows) {
    const pct = s.cleanPct === null ? '–' : `${s.cleanWritten}/${s.written} (${s.cleanPct}%)`;
    lines.push(`| ${[repo, s.flagsSampled, s.cleanups, s.written, pct, s.crashes, s.refused, s.verificationRefused, s.noChange, s.writesAfterVerificationFailure, s.leftForPerson, `${(s.medianMs / 1000).toFixed(1)} / ${(s.p90Ms / 1000).toFixed(1)}`].join(' | ')} |`);
  }
  return lines.join('\n');
}

module.exports = { summarize, formatTable, ENV_FAILURE, isEnvFailure };
