'use strict';
// The shape of a code base as the scanner sees it: file sizes, how many files pass the prefilter, how big those
// are, how many hold a check, and how often the prefilter's tokens appear where no check is (lookalikes).
// `node bench/shape.js <root> [config]` prints it; bench/cases/scan.js prints it for every corpus it measures,
// so the calibrated corpus can be compared with the real apps in one run.
const fs = require('node:fs');
const path = require('node:path');

const ANALYZER = path.resolve(__dirname, '../analyzer/dist');

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function countLines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

async function measureShape(root, configFile) {
  const { loadConfig, listSourceFiles, compilePatterns, mayContainFlagCheck, scanProject } = require(ANALYZER);
  const config = loadConfig(root, configFile);
  const patterns = compilePatterns(config);
  const files = await listSourceFiles(config);
  const tokens = patterns.prefilterTokens;
  const lines = [];
  const candidateLines = [];
  let tokenFiles = 0;
  let bytes = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    bytes += Buffer.byteLength(text);
    const n = countLines(text);
    lines.push(n);
    if (tokens.some((t) => text.includes(t))) tokenFiles++;
    if (mayContainFlagCheck(text, patterns)) candidateLines.push(n);
  }
  const scan = await scanProject(config);
  const withChecks = new Set(scan.checks.map((c) => c.file)).size;
  lines.sort((a, b) => a - b);
  candidateLines.sort((a, b) => a - b);
  const total = lines.reduce((a, b) => a + b, 0);
  const candidateTotal = candidateLines.reduce((a, b) => a + b, 0);
  return {
    files: files.length,
    lines: total,
    bytes,
    tokens,
    linesPerFile: { p10: percentile(lines, 10), p25: percentile(lines, 25), p50: percentile(lines, 50), p75: percentile(lines, 75), p90: percentile(lines, 90), p99: percentile(lines, 99), max: lines[lines.length - 1] ?? 0, mean: Math.round(total / Math.max(1, files.length)) },
    // A token anywhere in the text (the first, cheapest test); candidates pass the whole prefilter and are parsed.
    tokenFiles,
    candidates: candidateLines.length,
    candidateLines: candidateTotal,
    linesPerCandidate: { p50: percentile(candidateLines, 50), p90: percentile(candidateLines, 90), mean: Math.round(candidateTotal / Math.max(1, candidateLines.length)) },
    filesWithChecks: withChecks,
    checks: scan.checks.length,
    // Files the prefilter's tokens bring in that hold no check.
    lookalikeCandidates: candidateLines.length - withChecks,
  };
}

function formatShape(name, s) {
  const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  return [
    `${name}: ${s.files} files, ${s.lines} lines, ${(s.bytes / 1e6).toFixed(1)} MB`,
    `  lines per file: p10 ${s.linesPerFile.p10}, p25 ${s.linesPerFile.p25}, median ${s.linesPerFile.p50}, p75 ${s.linesPerFile.p75}, p90 ${s.linesPerFile.p90}, p99 ${s.linesPerFile.p99}, max ${s.linesPerFile.max}, mean ${s.linesPerFile.mean}`,
    `  files with a prefilter token: ${s.tokenFiles} (${pct(s.tokenFiles, s.files)}); candidates (pass the prefilter, parsed): ${s.candidates} (${pct(s.candidates, s.files)}), ${s.candidateLines} lines (${pct(s.candidateLines, s.lines)} of all lines)`,
    `  lines per candidate: median ${s.linesPerCandidate.p50}, p90 ${s.linesPerCandidate.p90}, mean ${s.linesPerCandidate.mean}`,
    `  files with a check: ${s.filesWithChecks}, checks: ${s.checks}; lookalike candidates (parsed, no check): ${s.lookalikeCandidates}`,
  ].join('\n');
}

module.exports = { measureShape, formatShape };

if (require.main === module) {
  const [root, config] = process.argv.slice(2);
  if (!root) {
    console.error('usage: node bench/shape.js <root> [config-file]');
    process.exit(2);
  }
  measureShape(path.resolve(root), config && path.resolve(config))
    .then((s) => console.log(formatShape(path.basename(path.resolve(root)), s)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
