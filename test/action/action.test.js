// Runs the shell steps of the root action.yml the way a GitHub runner would: each `run:` script with bash
// (-eo pipefail), in the working directory, with the step's `env:` after substituting the `${{ … }}` expressions
// (inputs with their defaults, earlier steps' outputs, runner.temp) and the runner's own variables (RUNNER_TEMP,
// GITHUB_OUTPUT, GITHUB_JOB). The `uses:` step (SARIF upload) is not GitHub's to run here: its condition and its
// input file are checked instead.
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const YAML = require('yaml');

const REPO = path.resolve(__dirname, '../..');
const ACTION = YAML.parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8'));

const made = [];

/** A copy of the demo app with flagsweep "installed" the way npm links a bin. */
function demoProject({ installed = true } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-action-'));
  made.push(dir);
  const project = path.join(dir, 'shop');
  fs.cpSync(path.join(REPO, 'test-fixtures/demo-app'), project, { recursive: true });
  if (installed) {
    const bin = path.join(project, 'node_modules/.bin/flagsweep');
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    fs.writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${path.join(REPO, 'analyzer/dist/cli/main.js')}" "$@"\n`, { mode: 0o755 });
  }
  const temp = path.join(dir, 'runner-temp');
  fs.mkdirSync(temp);
  return { project, temp };
}

/** Runs the action's steps in order; returns each step's result and outputs, like the runner's step context. */
function runAction(inputs, { project, temp }, env = {}) {
  const values = {};
  for (const [name, spec] of Object.entries(ACTION.inputs)) values[name] = inputs[name] ?? spec.default ?? '';
  const steps = {};
  const results = [];
  const expr = (text) =>
    String(text).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e) => {
      let m;
      if ((m = /^inputs\.([\w-]+)$/.exec(e))) return values[m[1]];
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e))) return steps[m[1]]?.outputs[m[2]] ?? '';
      if (e === 'runner.temp') return temp;
      throw new Error(`expression not handled by this test: ${e}`);
    });
  for (const step of ACTION.runs.steps) {
    if (step.uses) {
      const condition = expr(step.if.replace(/^\$\{\{\s*|\s*\}\}$/g, ''));
      assert.equal(step.if, "${{ always() && inputs.upload-sarif == 'true' && steps.check.outputs.sarif-file != '' }}");
      const upload = values['upload-sarif'] === 'true' && (steps.check?.outputs['sarif-file'] ?? '') !== '';
      results.push({ name: step.name, uses: step.uses, ran: upload, with: Object.fromEntries(Object.entries(step.with).map(([k, v]) => [k, expr(v)])), condition });
      continue;
    }
    // A failed step stops the job (the upload step alone runs under always()).
    if (results.some((r) => r.status !== undefined && r.status !== 0)) break;
    const output = path.join(temp, `output-${results.length}`);
    fs.writeFileSync(output, '');
    const script = path.join(temp, `step-${results.length}.sh`);
    fs.writeFileSync(script, step.run);
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(v)]));
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: path.resolve(project, expr(step['working-directory'] ?? '.')),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_JOB: 'flags', GITHUB_WORKSPACE: project, RUNNER_TEMP: temp, GITHUB_OUTPUT: output, GITHUB_ACTION_PATH: REPO, ...env, ...stepEnv },
      timeout: 120_000,
    });
    const outputs = Object.fromEntries(fs.readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    if (step.id) steps[step.id] = { outputs };
    results.push({ name: step.name, status: r.status, stdout: r.stdout, stderr: r.stderr, outputs });
  }
  return results;
}

describe('action.yml: flagsweep check as a composite GitHub Action, its shell steps run with bash', function () {
  after(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  this.timeout(240_000);

  it('annotates the expired flag, writes SARIF for the upload step, and fails the job with exit 1', () => {
    const [install, check, upload, gate] = runAction({}, demoProject(), { FLAGSWEEP_NOW: '2026-11-22' });
    assert.equal(install.status, 0, install.stderr);
    assert.match(install.stdout, /^flagsweep 0\.1\.0 \(.*node_modules\/\.bin\/flagsweep\)\n$/);
    assert.equal(check.status, 0, check.stderr);
    assert.equal(check.outputs['exit-code'], '1');
    assert.equal(
      check.stdout,
      '::error file=src/web/CheckoutPage.tsx,line=7,endLine=7,col=23,endColumn=50,title=flagsweep%3A expired flag new-checkout::new-checkout: expired on 2026-11-19 (3 days ago) and still read in 1 place\n' +
        '✖ flagsweep check: 1 flag fails (--fail-on expired); expired: 1\n',
    );
    assert.ok(upload.ran);
    assert.equal(upload.uses, 'github/codeql-action/upload-sarif@v4');
    assert.equal(upload.with.category, 'flagsweep');
    assert.equal(upload.with.sarif_file, check.outputs['sarif-file']);
    const sarif = JSON.parse(fs.readFileSync(upload.with.sarif_file, 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri), ['src/web/CheckoutPage.tsx']);
    assert.equal(gate.status, 1);
    assert.match(gate.stdout, /flags fail the gate/);
  });

  it('paths, fail-on, args and upload-sarif inputs reach the CLI; exit 0 passes the job', () => {
    const results = runAction({ paths: 'src/server\nsrc/lib', 'fail-on': 'expired,missing', args: '--offline --max-usages 1' }, demoProject(), { FLAGSWEEP_NOW: '2026-11-01' });
    const [, check, upload, gate] = results;
    // legacy-payments (missing) is read in src/server/payments.ts: the only failure within these paths.
    assert.equal(check.outputs['exit-code'], '1', check.stdout + check.stderr);
    assert.match(check.stdout, /title=flagsweep%3A missing flag legacy-payments::/);
    assert.doesNotMatch(check.stdout, /CheckoutPage/);
    assert.ok(upload.ran);
    assert.equal(gate.status, 1);

    const clean = runAction({ paths: 'src/web', 'fail-on': 'expired', 'upload-sarif': 'false' }, demoProject(), { FLAGSWEEP_NOW: '2026-11-01' });
    assert.equal(clean[1].outputs['exit-code'], '0', clean[1].stdout + clean[1].stderr);
    assert.equal(clean[2].ran, false);
    assert.equal(clean[3].status, 0);
    assert.match(clean[3].stdout, /no flag fails the gate/);
  });

  it('a config error is exit 2: no SARIF, no upload, the job fails with 2', () => {
    const env = demoProject();
    fs.writeFileSync(path.join(env.project, 'broken.jsonc'), '{ "lifecycle": { "staleAfterDays": "thirty" } }');
    const [, check, upload, gate] = runAction({ config: 'broken.jsonc' }, env);
    assert.equal(check.outputs['exit-code'], '2');
    assert.match(check.stderr, /broken\.jsonc: \$\.lifecycle\.staleAfterDays: expected number/);
    assert.equal(check.outputs['sarif-file'], undefined);
    assert.equal(upload.ran, false);
    assert.equal(gate.status, 2);
  });

  it('without flagsweep installed, the first step stops the job with an error annotation', () => {
    const results = runAction({}, demoProject({ installed: false }));
    assert.equal(results[0].status, 2);
    assert.match(results[0].stdout, /^::error title=flagsweep::flagsweep is not installed in .* run npm ci before this action, or set its version input\n$/);
    assert.equal(results.filter((r) => r.status !== undefined).length, 1, 'no later shell step ran');
  });
});
