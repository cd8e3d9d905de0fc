'use strict';
// The `real` E2E scenario's workspace: a real application's work tree, copied (the suite saves documents, and the
// tree under /work/real is shared read-only), with a flagsweep config for its flag idiom and a flags.flagd.json
// written for a few of its real flag keys. Which file to open comes from the CLI's own scan of that copy.
//
//   FLAGSWEEP_REAL_APP=/work/real/manager FLAGSWEEP_REAL_APP_CONFIG=bench/real/configs/manager.json \
//     node test/e2e/run.js --scenario real
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** What the figures test needs to know about the prepared app (written to the handshake folder as real-app.json). */
function prepareRealApp({ repo, workspace, handshake, env = process.env }) {
  const appDir = env.FLAGSWEEP_REAL_APP && path.resolve(env.FLAGSWEEP_REAL_APP);
  const configFile = env.FLAGSWEEP_REAL_APP_CONFIG && path.resolve(repo, env.FLAGSWEEP_REAL_APP_CONFIG);
  if (!appDir || !fs.existsSync(appDir)) throw new Error('set FLAGSWEEP_REAL_APP to the work tree of a real application (for example /work/real/manager)');
  if (!configFile || !fs.existsSync(configFile)) throw new Error('set FLAGSWEEP_REAL_APP_CONFIG to a flagsweep config for it (for example bench/real/configs/manager.json)');
  const cli = path.join(repo, 'analyzer/dist/cli/main.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npx tsc -b`);

  fs.cpSync(appDir, workspace, { recursive: true, filter: (src) => !/[\\/](\.git|node_modules)$/.test(src) });
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  fs.writeFileSync(path.join(workspace, 'flagsweep.config.json'), JSON.stringify({ ...config, source: { type: 'flagd', path: 'flags.flagd.json' } }, null, 2) + '\n');
  fs.writeFileSync(path.join(workspace, 'flags.flagd.json'), JSON.stringify({ flags: {} }) + '\n');

  const scan = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', '--offline'], { cwd: workspace, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  if (scan.status !== 0 && scan.status !== 1) throw new Error(`flagsweep scan of ${appDir} exited with ${scan.status}: ${scan.stderr}`);
  const report = JSON.parse(scan.stdout);
  const chosen = chooseFlags(report.flags);
  fs.writeFileSync(path.join(workspace, 'flags.flagd.json'), JSON.stringify(flagdFor(chosen), null, 2) + '\n');

  const target = chosen.target;
  const first = [...target.usages].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)[0];
  const info = {
    app: path.basename(appDir),
    key: target.key,
    file: path.resolve(workspace, first.file),
    range: { line: first.line, column: first.column, endLine: first.endLine, endColumn: first.endColumn },
    flagsInFlagFile: [chosen.target.key, chosen.disabled?.key, chosen.servesFalse?.key].filter(Boolean),
    flagsInCode: report.flags.length,
    filesScanned: report.summary.filesScanned,
    linesOfCode: countLines(workspace),
  };
  fs.writeFileSync(path.join(handshake, 'real-app.json'), JSON.stringify(info, null, 2) + '\n');
  return info;
}

const filesOf = (flag) => new Set(flag.usages.map((u) => u.file)).size;

/**
 * Three real flags: the one the figures remove everywhere (read in the most files, every read a boolean), one
 * switched off and one serving false to everyone. The rest of the app's flags stay undefined, as in a project
 * whose flag file covers only some of its flags.
 */
function chooseFlags(flags) {
  const byReach = flags.filter((f) => f.usages.length > 0).sort((a, b) => filesOf(b) - filesOf(a) || b.usages.length - a.usages.length || a.key.localeCompare(b.key));
  const booleans = byReach.filter((f) => f.usages.every((u) => u.evaluates === 'boolean'));
  const target = booleans[0] ?? byReach[0];
  if (!target) throw new Error('the scan found no flag read in this application: check the config');
  const rest = byReach.filter((f) => f !== target);
  return { target, disabled: rest[0], servesFalse: rest[1] };
}

function flagdFor({ target, disabled, servesFalse }) {
  const boolean = (state, defaultVariant, metadata) => ({ state, variants: { on: true, off: false }, defaultVariant, ...(metadata ? { metadata } : {}) });
  const flags = { [target.key]: boolean('ENABLED', 'on', { owner: 'web', expires: '2026-06-30', flagType: 'release' }) };
  if (disabled) flags[disabled.key] = boolean('DISABLED', 'off', { owner: 'web' });
  if (servesFalse) flags[servesFalse.key] = boolean('ENABLED', 'off', { owner: 'web' });
  return { $schema: 'https://flagd.dev/schema/v0/flags.json', flags };
}

function countLines(dir) {
  let lines = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|js|jsx|mts|cts)$/.test(e.name)) lines += fs.readFileSync(p, 'utf8').split('\n').length;
    }
  };
  walk(dir);
  return lines;
}

module.exports = { prepareRealApp, chooseFlags, flagdFor };
