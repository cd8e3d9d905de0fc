'use strict';
// npm run bench:real -- <repo-dir> <config> [options]: cleans a seeded sample of a real repo's flags, each with
// true and false, through the real CLI (writing, as a user would), and referees every cleanup with its own
// TypeScript check. See bench/real/README.md.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { sampleFlags, shuffled } = require('./sample');
const { Referee } = require('./referee');
const { summarize, formatTable, ENV_FAILURE } = require('./table');

const ROOT = path.resolve(__dirname, '../..');
let CLI = path.join(ROOT, 'analyzer/dist/cli/main.js');
const CONFIG_NAME = '.flagsweep-bench.config.json';
const USAGE = 'usage: npm run bench:real -- <repo-dir> <config.json> [--sample 50] [--seed 11] [--values true,false] [--only k1,k2] [--label name] [--results dir] [--timeout 180] [--cleanup-args "…"] [--no-snapshot] [--no-object-values] [--resume]';

function parseArgs(argv) {
  const opts = { sample: 50, seed: 11, values: [true, false], only: null, label: null, results: '/work/real/results', timeout: 180, cleanupArgs: [], snapshot: true, objectValues: true, resume: false };
  const pos = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--sample') opts.sample = Number(next());
    else if (a === '--seed') opts.seed = Number(next());
    else if (a === '--values') opts.values = next().split(',').map((v) => JSON.parse(v));
    else if (a === '--only') opts.only = next().split(',');
    else if (a === '--label') opts.label = next();
    else if (a === '--results') opts.results = path.resolve(next());
    else if (a === '--timeout') opts.timeout = Number(next());
    else if (a === '--cleanup-args') opts.cleanupArgs = next().split(' ').filter(Boolean);
    else if (a === '--no-snapshot') opts.snapshot = false;
    else if (a === '--no-object-values') opts.objectValues = false;
    else if (a === '--resume') opts.resume = true;
    else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else pos.push(a);
  }
  if (pos.length !== 2) fail(USAGE);
  if (!Number.isInteger(opts.sample) || opts.sample < 1) fail('--sample must be a positive integer');
  return { repo: path.resolve(pos[0]), config: path.resolve(pos[1]), opts };
}

function fail(message) {
  process.stderr.write(`bench:real: ${message}\n`);
  process.exit(2);
}

function git(repo, args, input) {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8', input, maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout;
}

/** The work tree becomes a git repo (one commit) so each cleanup can be undone with checkout + clean. */
function ensureGitRepo(repo) {
  if (!fs.existsSync(path.join(repo, '.git'))) {
    console.log(`${repo}: no .git, making one (one commit of the tree)`);
    git(repo, ['init', '-q']);
    git(repo, ['add', '-A']);
    git(repo, ['-c', 'user.email=bench@flagsweep', '-c', 'user.name=bench', 'commit', '-qm', 'tree', '--no-verify']);
  }
  const exclude = path.join(repo, '.git', 'info', 'exclude');
  const text = fs.existsSync(exclude) ? fs.readFileSync(exclude, 'utf8') : '';
  if (!text.split('\n').includes(CONFIG_NAME)) fs.appendFileSync(exclude, `${text.endsWith('\n') || !text ? '' : '\n'}${CONFIG_NAME}\n`);
  const dirty = status(repo);
  if (dirty.length) fail(`${repo} has uncommitted changes (${dirty.slice(0, 3).join(', ')}…); commit or discard them first`);
}

/** Changed and untracked paths (relative), the bench config excluded. */
function status(repo) {
  return git(repo, ['status', '--porcelain', '--untracked-files=all'])
    .split('\n')
    .filter(Boolean)
    .map((l) => ({ code: l.slice(0, 2), file: l.slice(3) }))
    .filter((s) => s.file !== CONFIG_NAME)
    .map((s) => `${s.code.trim()} ${s.file}`);
}

function restore(repo) {
  git(repo, ['checkout', '-q', '--', '.']);
  git(repo, ['clean', '-fdq', '-e', CONFIG_NAME]);
}

function runCli(repo, args, timeoutS) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - started };
}

/**
 * Others rebuild analyzer/dist while a run goes on (a half-built dist would look like crashes): the run uses a
 * copy taken at its start, under .bench/ (git-ignored) so the copy still finds the root node_modules.
 */
function snapshotCli(commit) {
  const dir = path.join(ROOT, '.bench', 'real-cli', `${commit}-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'analyzer'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'analyzer', 'dist'), path.join(dir, 'analyzer', 'dist'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'analyzer', 'package.json'), path.join(dir, 'analyzer', 'package.json'));
  const cli = path.join(dir, 'analyzer', 'dist', 'cli', 'main.js');
  const r = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
  if (r.status !== 0) fail(`the built CLI does not start (${(r.stderr || '').trim().split('\n')[0]}); rebuild with npx tsc -b`);
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return cli;
}

const OBJECT_READ = /reads the flag as an object \(`\.([A-Za-z_$][\w$]*)` read\)/;

function objectMembersRead(runs) {
  const members = new Set();
  for (const r of runs) for (const reason of r.leftReasons) {
    const m = OBJECT_READ.exec(reason);
    if (m) members.add(m[1]);
  }
  return [...members].sort();
}

const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

function main() {
  const { repo, config, opts } = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(CLI)) fail(`${CLI} is missing: build first (npx tsc -b)`);
  if (!fs.existsSync(repo) || !fs.statSync(repo).isDirectory()) fail(`${repo}: not a folder`);
  if (!fs.existsSync(config)) fail(`${config}: no such config`);
  const name = path.basename(repo);
  const productCommit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  if (opts.snapshot) CLI = snapshotCli(productCommit);
  ensureGitRepo(repo);
  fs.copyFileSync(config, path.join(repo, CONFIG_NAME));

  const scan = runCli(repo, ['scan', '.', '--config', CONFIG_NAME, '--format', 'json'], opts.timeout);
  if (scan.code !== 0 && scan.code !== 1) fail(`scan exited ${scan.code}: ${scan.stderr.trim().split('\n')[0]}`);
  const report = JSON.parse(scan.stdout);
  const flags = report.flags.filter((f) => f.usages.length > 0 && (!opts.only || opts.only.includes(f.key)));
  const sample = shuffled(sampleFlags(flags, opts.sample, opts.seed), opts.seed);
  const head = git(repo, ['rev-parse', 'HEAD']).trim();
  console.log(`${name}: ${report.flags.length} flags (${flags.length} with checks), scan ${scan.ms} ms; sample ${sample.length}, values ${opts.values.map((v) => JSON.stringify(v)).join('/')}; flagsweep ${productCommit}`);

  const referee = new Referee(repo, (abs) => {
    const rel = path.relative(repo, abs).replace(/\\/g, '/');
    const r = spawnSync('git', ['show', `HEAD:${rel}`], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return r.status === 0 ? r.stdout : undefined;
  });
  const diffsDir = path.join(opts.results, opts.label ? `${name}.${opts.label}` : name, 'diffs');
  if (!opts.resume) fs.rmSync(diffsDir, { recursive: true, force: true });
  fs.mkdirSync(diffsDir, { recursive: true });

  const started = Date.now();
  const out = path.join(opts.results, `${name}${opts.label ? `.${opts.label}` : ''}.json`);
  // --resume keeps the runs of an earlier (interrupted) run with the same label, except environment failures.
  const runs = opts.resume && fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')).runs.filter((r) => !r.envFailure && !ENV_FAILURE.test(r.stderr ?? '')) : [];
  const done = new Set(runs.map((r) => `${r.key}\u0000${JSON.stringify(r.value)}`));
  if (runs.length) console.log(`resuming: ${runs.length} cleanups already done`);
  /** Written after every cleanup, so a long run can be read (and reviewed) while it goes on. */
  const save = () => {
    const summary = summarize(runs, sample.length);
    const result = { repo: name, head, flagsweep: productCommit, label: opts.label, date: new Date().toISOString(), config: path.relative(process.cwd(), config), totalFlags: report.flags.length, sampled: sample.map((f) => f.key), seed: opts.seed, wallMs: Date.now() - started, summary, runs };
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    return summary;
  };
  for (const flag of sample) {
    const values = [...opts.values];
    for (let vi = 0; vi < values.length; vi++) {
      const value = values[vi];
      if (done.has(`${flag.key}\u0000${JSON.stringify(value)}`)) {
        if (opts.objectValues && vi === opts.values.length - 1) {
          const members = objectMembersRead(runs.filter((r) => r.key === flag.key));
          if (members.length) values.push(Object.fromEntries(members.map((m) => [m, true])));
        }
        continue;
      }
      const args = ['cleanup', flag.key, '--value', JSON.stringify(value), '--config', CONFIG_NAME, '--format', 'json', ...opts.cleanupArgs, '.'];
      const cli = runCli(repo, args, opts.timeout);
      const changed = status(repo);
      let json = null;
      try {
        json = JSON.parse(cli.stdout);
      } catch {
        // not JSON: counted below as no report
      }
      // The product's own dependencies missing (a shared node_modules being reinstalled) is not a product crash.
      const envFailure = ENV_FAILURE.test(cli.stderr);
      if (envFailure) {
        restore(repo);
        save();
        fail(`the CLI cannot load its dependencies (${cli.stderr.split('\n')[0].slice(0, 160)}); rerun with --resume once node_modules is whole`);
      }
      const crashed = cli.signal !== null || (cli.code !== 0 && cli.code !== 1 && cli.code !== 2) || STACK.test(cli.stderr);
      const modified = changed.filter((s) => s.startsWith('M ') || s.startsWith('D ')).map((s) => s.slice(2));
      const untracked = changed.filter((s) => s.startsWith('??')).map((s) => s.slice(3));
      const numstat = modified.length ? git(repo, ['diff', '--numstat']) : '';
      let added = 0;
      let removed = 0;
      for (const l of numstat.split('\n').filter(Boolean)) {
        const [a, r] = l.split('\t');
        added += Number(a) || 0;
        removed += Number(r) || 0;
      }
      const run = {
        key: flag.key,
        value,
        usages: flag.usages.length,
        evaluates: [...new Set(flag.usages.map((u) => u.evaluates))],
        exit: cli.code,
        signal: cli.signal,
        ms: cli.ms,
        crashed,
        filesChanged: modified.length,
        linesAdded: added,
        linesRemoved: removed,
        leftovers: untracked,
        engineMs: json?.stats?.durationMs ?? null,
        leftForPerson: json?.leftForHuman?.length ?? null,
        leftReasons: (json?.leftForHuman ?? []).map((s) => `${s.file}:${s.line}: ${s.reason}`),
        errors: (json?.errors ?? []).map((e) => ({ kind: e.kind, message: e.message.slice(0, 400) })),
        stderr: cli.stderr.trim().slice(0, 2000),
        stdoutHead: json ? undefined : cli.stdout.slice(0, 2000),
        verification: json?.verification
          ? { mode: json.verification.mode, newDiagnostics: json.verification.newDiagnostics?.length ?? 0, ms: json.verification.durationMs ?? null }
          : null,
        referee: null,
      };
      if (modified.length) {
        const diff = git(repo, ['diff']);
        const file = `${flag.key.replace(/[^\w.-]/g, '_')}=${JSON.stringify(value).replace(/[^\w.-]/g, '_')}.diff`;
        fs.writeFileSync(path.join(diffsDir, file), diff);
        run.diff = path.relative(opts.results, path.join(diffsDir, file));
        run.referee = referee.check(modified.map((f) => path.join(repo, f)));
      }
      runs.push(run);
      restore(repo);
      // A boolean left at sites that read members (`.enabled`) is an object flag: clean it once more with an
      // object holding those members, as its owner would (issue 11, class 8).
      if (opts.objectValues && vi === opts.values.length - 1) {
        const members = objectMembersRead(runs.filter((r) => r.key === flag.key));
        if (members.length) values.push(Object.fromEntries(members.map((m) => [m, true])));
      }
      const ref = run.referee ? `${run.referee.added.length} new diag (${run.referee.checkedFiles} files, ${run.referee.ms} ms)` : '';
      save();
      const first = run.referee?.added[0];
      console.log(`  ${flag.key}=${JSON.stringify(value)}: exit ${cli.code ?? cli.signal}${crashed ? ' CRASH' : ''}, ${modified.length} files, -${removed}/+${added}, left ${run.leftForPerson ?? '?'}, ${cli.ms} ms ${ref}${first ? ` e.g. ${first.file}:${first.line} TS${first.code} ${first.message.slice(0, 160)}` : ''}`);
    }
  }
  const summary = save();
  console.log(`\n${formatTable([{ repo: name, summary }])}`);
  console.log(`results: ${out}\ndiffs: ${diffsDir}`);
}

main();
