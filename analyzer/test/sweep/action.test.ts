import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, REPO } from '../cli/helpers';
import type { FixtureRepo } from '../git/fixture-repo';
import { TODAY, addBareRemote, gitEnv, sweepRepo } from './sweep-repo';

const ACTION = path.join(REPO, 'actions/sweep');

/**
 * A stand-in for the GitHub CLI: records every call (one JSON array of arguments per line) and keeps pull requests
 * in a folder, so `pr list` sees what `pr create` made.
 */
const FAKE_GH = `#!/usr/bin/env node
const fs = require('fs');
const path = require('path');
const dir = process.env.FAKE_GH_DIR;
const args = process.argv.slice(2);
fs.appendFileSync(path.join(dir, 'calls.jsonl'), JSON.stringify(args) + '\\n');
const opt = (name) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1]; };
const prs = path.join(dir, 'prs.json');
const all = fs.existsSync(prs) ? JSON.parse(fs.readFileSync(prs, 'utf8')) : [];
if (args[0] === 'pr' && args[1] === 'list') {
  process.stdout.write(JSON.stringify(all.filter((p) => p.head === opt('--head')).map(({ number, state }) => ({ number, state }))));
} else if (args[0] === 'pr' && args[1] === 'create') {
  if (!process.env.GH_TOKEN) { process.stderr.write('gh: no token\\n'); process.exit(4); }
  const number = all.length + 1;
  all.push({ number, state: 'OPEN', head: opt('--head'), body: fs.readFileSync(opt('--body-file'), 'utf8') });
  fs.writeFileSync(prs, JSON.stringify(all));
  process.stdout.write('https://github.com/acme/shop/pull/' + number + '\\n');
} else if (args[0] === 'pr' && args[1] === 'edit') {
  const pr = all.find((p) => p.number === Number(args[2]));
  if (!pr) { process.stderr.write('no such pull request\\n'); process.exit(1); }
  pr.body = fs.readFileSync(opt('--body-file'), 'utf8');
  fs.writeFileSync(prs, JSON.stringify(all));
} else { process.stderr.write('fake gh: unexpected ' + args.join(' ') + '\\n'); process.exit(2); }
`;

/** The env: block of one step of action.yml, with ${{ inputs.x }} replaced by the inputs' defaults or `given`. */
function stepEnv(step: string, given: Record<string, string>): Record<string, string> {
  const yml = fs.readFileSync(path.join(ACTION, 'action.yml'), 'utf8');
  const defaults: Record<string, string> = {};
  for (const m of yml.matchAll(/^ {2}([a-z-]+):\n(?: {4}.*\n)*? {4}default: (.*)$/gm)) defaults[m[1]] = m[2].replace(/^'(.*)'$/, '$1');
  const block = yml.slice(yml.indexOf(`name: ${step}`));
  const env: Record<string, string> = {};
  for (const m of block.slice(block.indexOf('env:'), block.indexOf('run:')).matchAll(/^ {8}([A-Z_]+): \$\{\{ inputs\.([a-z-]+) \}\}$/gm)) {
    env[m[1]] = given[m[2]] ?? defaults[m[2]] ?? '';
  }
  return env;
}

describe('actions/sweep: the workflow steps, run for real (fake gh, bare remote)', function () {
  this.timeout(300_000);
  let origin: FixtureRepo;
  let bare: string;
  let runner: string;
  let gh: string;
  let prDir: string;

  before(() => {
    // The developers' repository, pushed to a bare "GitHub" remote; the runner clones it like actions/checkout.
    origin = sweepRepo();
    bare = addBareRemote(origin);
    runner = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-runner-')));
    execFileSync('git', ['clone', '-q', bare, runner], { env: gitEnv() });
    gh = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-gh-')));
    fs.mkdirSync(path.join(gh, 'bin'));
    fs.writeFileSync(path.join(gh, 'bin', 'gh'), FAKE_GH, { mode: 0o755 });
    prDir = path.join(runner, '..', `${path.basename(runner)}-prs`);
  });
  after(() => {
    for (const d of [origin.dir, bare, runner, gh, prDir]) fs.rmSync(d, { recursive: true, force: true });
  });

  function runSteps(): { plan: string; log: string } {
    const outputs = path.join(gh, 'github-output');
    fs.writeFileSync(outputs, '');
    const common = {
      ...gitEnv(),
      PATH: `${path.join(gh, 'bin')}:${process.env.PATH}`,
      FAKE_GH_DIR: gh,
      FLAGSWEEP_NOW: TODAY,
      GITHUB_OUTPUT: outputs,
      RUNNER_TEMP: gh,
      GITHUB_ACTION_PATH: ACTION,
    };
    const sweepEnv = stepEnv('Build and push the cleanup branches', { flagsweep: `${process.execPath} ${CLI}`, 'pr-dir': prDir });
    let log = execFileSync('bash', [path.join(ACTION, 'sweep.sh')], { cwd: runner, env: { ...common, ...sweepEnv }, encoding: 'utf8' });
    const plan = /^plan=(.*)$/m.exec(fs.readFileSync(outputs, 'utf8'))![1];
    const prEnv = stepEnv('Open or update one pull request per branch', { 'github-token': 'test-token' });
    log += execFileSync('bash', [path.join(ACTION, 'open-prs.sh'), plan], { cwd: runner, env: { ...common, ...prEnv }, encoding: 'utf8' });
    return { plan, log };
  }

  const calls = (): string[][] =>
    fs
      .readFileSync(path.join(gh, 'calls.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);

  it('the action runs the two scripts with its inputs as environment', () => {
    const yml = fs.readFileSync(path.join(ACTION, 'action.yml'), 'utf8');
    assert.match(yml, /using: composite/);
    assert.match(yml, /run: bash "\$GITHUB_ACTION_PATH\/sweep\.sh"/);
    assert.match(yml, /run: bash "\$GITHUB_ACTION_PATH\/open-prs\.sh" "\$\{\{ steps\.sweep\.outputs\.plan \}\}"/);
    assert.deepEqual(Object.keys(stepEnv('Build and push the cleanup branches', {})).sort(), [
      'FLAGSWEEP',
      'SWEEP_ARGS',
      'SWEEP_BASE',
      'SWEEP_GROUP_BY',
      'SWEEP_MAX',
      'SWEEP_PREFIX',
      'SWEEP_PR_DIR',
      'SWEEP_REMOTE',
      'SWEEP_STATUS',
    ]);
  });

  it('pushes one branch per due flag and opens one pull request each, requesting the mapped reviewers', () => {
    const { plan, log } = runSteps();
    const remote = execFileSync('git', ['--git-dir', bare, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/'], { encoding: 'utf8', env: gitEnv() });
    assert.deepEqual(remote.trim().split('\n').sort(), ['flagsweep/remove-fuzzy-search', 'flagsweep/remove-old-checkout', 'main']);
    const author = execFileSync('git', ['--git-dir', bare, 'log', '-1', '--format=%an <%ae>', 'flagsweep/remove-old-checkout'], { encoding: 'utf8', env: gitEnv() });
    assert.equal(author.trim(), 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>');
    const creates = calls().filter((c) => c[1] === 'create');
    assert.deepEqual(creates, [
      ['pr', 'create', '--head', 'flagsweep/remove-old-checkout', '--base', 'main', '--title', 'chore(flags): remove old-checkout (keep true)', '--body-file', path.join(prDir, 'old-checkout.md'), '--reviewer', 'acme/payments'],
      ['pr', 'create', '--head', 'flagsweep/remove-fuzzy-search', '--base', 'main', '--title', 'chore(flags): remove fuzzy-search (keep true)', '--body-file', path.join(prDir, 'fuzzy-search.md'), '--reviewer', 'acme/search', '--reviewer', 'dana'],
    ]);
    const prs = JSON.parse(fs.readFileSync(path.join(gh, 'prs.json'), 'utf8')) as { body: string }[];
    assert.match(prs[0].body, /`old-checkout` is \*\*expired\*\*/);
    assert.match(log, /opened a pull request for flagsweep\/remove-old-checkout/);
    assert.ok(JSON.parse(fs.readFileSync(plan, 'utf8')).branches.some((b: { state: string }) => b.state === 'skipped'), 'turbo-mode is in the plan, skipped');
    // The runner's checkout is still on main, clean.
    assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: runner, encoding: 'utf8', env: gitEnv() }), '');
  });

  it('the next week updates the open pull requests instead of opening new ones, and leaves a closed one alone', () => {
    const prsFile = path.join(gh, 'prs.json');
    const prs = JSON.parse(fs.readFileSync(prsFile, 'utf8')) as { number: number; state: string }[];
    prs[1].state = 'CLOSED';
    fs.writeFileSync(prsFile, JSON.stringify(prs));
    fs.writeFileSync(path.join(gh, 'calls.jsonl'), '');
    // A fresh runner, as every scheduled run gets: the branches exist only on the remote.
    fs.rmSync(runner, { recursive: true, force: true });
    execFileSync('git', ['clone', '-q', bare, runner], { env: gitEnv() });
    const before = execFileSync('git', ['--git-dir', bare, 'for-each-ref'], { encoding: 'utf8', env: gitEnv() });
    const { log, plan } = runSteps();
    assert.deepEqual(
      JSON.parse(fs.readFileSync(plan, 'utf8')).branches.map((b: { state: string }) => b.state),
      ['up-to-date', 'up-to-date', 'skipped'],
    );
    assert.equal(execFileSync('git', ['--git-dir', bare, 'for-each-ref'], { encoding: 'utf8', env: gitEnv() }), before, 'nothing new pushed');
    const writes = calls().filter((c) => c[1] !== 'list');
    assert.deepEqual(writes, [['pr', 'edit', '1', '--title', 'chore(flags): remove old-checkout (keep true)', '--body-file', path.join(prDir, 'old-checkout.md'), '--add-reviewer', 'acme/payments']]);
    assert.match(log, /pull request #2 for flagsweep\/remove-fuzzy-search is CLOSED: left alone/);
  });
});
