import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseValueOption } from '../../src/cli/commands/cleanup-value';
import { runCli } from '../cli/helpers';
import { REPO, copyFixtureProject } from './helpers';

const MAIN = path.join(REPO, 'analyzer/dist/cli/main.js');
const ENV = { ...process.env, NO_COLOR: '1' };

function cli(cwd: string, ...args: string[]) {
  const r = runCli(['cleanup', ...args], { cwd, inheritEnv: true, env: { NO_COLOR: '1' }, timeout: 0 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file of the project with its bytes (links as links), to prove "nothing was written". */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), e.isSymbolicLink() ? `-> ${fs.readlinkSync(p)}` : fs.readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

const tempFiles = (dir: string): string[] => [...snapshot(dir).keys()].filter((f) => /\.flagsweep-\d+-\d+\.(tmp|bak)$/.test(f) || f.endsWith('.flagsweep.lock'));

/** Starts a cleanup that pauses after staging its temp files; resolves once they exist. */
async function pausedCleanup(dir: string, ...args: string[]) {
  const child = spawn(process.execPath, [MAIN, 'cleanup', ...args], { cwd: dir, env: { ...ENV, FLAGSWEEP_TEST_PAUSE_BEFORE_COMMIT_MS: '20000' } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const deadline = Date.now() + 60000;
  while (!fs.readdirSync(path.join(dir, 'src')).some((f) => f.endsWith('.tmp'))) {
    if (Date.now() > deadline) throw new Error(`no temp file appeared; stderr: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, exited, stderr: () => stderr };
}

describe('flagsweep cleanup: what it refuses, and how it writes (the built CLI)', function () {
  this.timeout(180000);
  let dir: string;
  before(() => {
    const build = spawnSync(path.join(REPO, 'node_modules/.bin/tsc'), ['-b', path.join(REPO, 'analyzer')], { encoding: 'utf8' });
    assert.equal(build.status, 0, build.stdout + build.stderr);
  });
  beforeEach(() => {
    dir = copyFixtureProject('cleanup-project-checkout');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('verification', () => {
    beforeEach(() => {
      const tsconfig = path.join(dir, 'tsconfig.json');
      const config = JSON.parse(fs.readFileSync(tsconfig, 'utf8'));
      config.compilerOptions.noUnusedParameters = true;
      fs.writeFileSync(tsconfig, JSON.stringify(config));
      fs.writeFileSync(path.join(dir, 'src/discount.ts'), "import { client } from './client';\n\nexport function discounted(rate: number, price: number): number {\n  return client.isEnabled('new-checkout', false) ? price * rate : price;\n}\n");
    });

    it('a cleanup that adds a diagnostic: exit 1, each new diagnostic as file:line:col TSxxxx message, nothing written', () => {
      const before = snapshot(dir);
      const r = cli(dir, 'new-checkout', '--value', 'false');
      assert.equal(r.code, 1, r.stderr);
      // Other parameters that only fed the flag's branch (cart.ts's `count`) go unused too: every one is listed.
      assert.match(r.stderr, /^flagsweep: the cleanup of new-checkout would add \d+ TypeScript diagnostics?; nothing was written:\n/);
      assert.match(r.stderr, /^ {2}src\/discount\.ts:1:28 TS6133 'rate' is declared but its value is never read\.$/m);
      for (const line of r.stderr.split('\n').slice(1, -1)) assert.match(line, /^ {2}src\/[\w/.-]+:\d+:\d+ TS\d+ \S/);
      assert.deepEqual(snapshot(dir), before);
    });

    it('--no-verify skips it and writes (and says it did not verify)', () => {
      const r = cli(dir, 'new-checkout', '--value', 'false', '--no-verify');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^not verified \(--no-verify\)$/m);
      assert.match(fs.readFileSync(path.join(dir, 'src/discount.ts'), 'utf8'), /return price;/);
    });

    it('a passing verification names the tsconfig and the files checked; without a tsconfig it says "syntax only"', () => {
      const ok = cli(dir, 'new-checkout', '--value', 'true', '--dry-run');
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /^verified: type-checked \d+ files with tsconfig\.json, no new diagnostics \(\d+\.\d s\)$/m);
      fs.rmSync(path.join(dir, 'tsconfig.json'));
      fs.mkdirSync(path.join(dir, '.git')); // bounds the search for a tsconfig above the project
      const syntax = cli(dir, 'new-checkout', '--value', 'true', '--dry-run');
      assert.equal(syntax.code, 0, syntax.stderr);
      assert.match(syntax.stdout, /^verified: syntax only, no tsconfig\.json covers the changed files/m);
    });
  });

  describe('the flag source must be healthy without --value', () => {
    it('a flag file that does not parse: exit 2 naming the problem, nothing written; --value still works', () => {
      fs.writeFileSync(path.join(dir, 'flags.flagd.json'), '{ "flags": { "new-checkout": { "state": "ENABLED", } }');
      const before = snapshot(dir);
      const r = cli(dir, 'new-checkout');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^flagsweep: the flag source flagd:flags\.flagd\.json cannot be trusted: .*flags\.flagd\.json:1:\d+: invalid JSON/);
      assert.match(r.stderr, /pass --value/);
      assert.deepEqual(snapshot(dir), before);
      assert.equal(cli(dir, 'new-checkout', '--value', 'true').code, 0);
    });

    it('a flag the source skipped for an error: exit 2 naming it', () => {
      const flagd = path.join(dir, 'flags.flagd.json');
      const doc = JSON.parse(fs.readFileSync(flagd, 'utf8'));
      doc.flags['new-checkout'].defaultVariant = 'onn';
      fs.writeFileSync(flagd, JSON.stringify(doc, null, 2));
      const before = snapshot(dir);
      const r = cli(dir, 'new-checkout');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /has an error in flag "new-checkout": .*defaultVariant.*"onn" is not one of the variants/);
      assert.deepEqual(snapshot(dir), before);
    });

    it('a flag absent from a healthy source needs --value or --value-from-code-default, which says what it used', () => {
      const flagd = path.join(dir, 'flags.flagd.json');
      const doc = JSON.parse(fs.readFileSync(flagd, 'utf8'));
      delete doc.flags['new-checkout'];
      fs.writeFileSync(flagd, JSON.stringify(doc, null, 2));
      const before = snapshot(dir);
      const r = cli(dir, 'new-checkout');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^flagsweep: flag "new-checkout" is not defined in flagd:flags\.flagd\.json; pass --value, or --value-from-code-default/);
      assert.deepEqual(snapshot(dir), before);
      const opted = cli(dir, 'new-checkout', '--value-from-code-default', '--dry-run');
      assert.equal(opted.code, 0, opted.stderr);
      assert.match(opted.stdout, /^cleanup new-checkout = false \(the code default: --value-from-code-default\): would change/m);
    });
  });

  it('a key nothing knows is a typo: exit 2 with the nearest key', () => {
    const r = cli(dir, 'dark-mdoe');
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'flagsweep: no flag `dark-mdoe`; did you mean `dark-mode`?\n');
    assert.equal(cli(dir, 'dark-mdoe', '--value', 'true').stderr, 'flagsweep: no flag `dark-mdoe`; did you mean `dark-mode`?\n');
  });

  it('a lock held by a live cleanup: exit 2 naming its pid, nothing written', () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(path.join(dir, '.flagsweep.lock'), `${holder.pid}\n`);
      const before = snapshot(dir);
      const r = cli(dir, 'new-checkout', '--value', 'true');
      assert.equal(r.code, 2);
      assert.match(r.stderr, new RegExp(`^flagsweep: another flagsweep cleanup is running \\(pid ${holder.pid}\\)`));
      assert.deepEqual(snapshot(dir), before);
    } finally {
      holder.kill();
    }
  });

  it('a file modified between computing and writing: exit 2, nothing written, the other edit kept', async () => {
    const before = snapshot(dir);
    const run = await pausedCleanup(dir, 'new-checkout', '--value', 'true', '--no-verify');
    const cart = path.join(dir, 'src/cart.ts');
    fs.appendFileSync(cart, '// edited while the cleanup ran\n');
    const code = await run.exited;
    assert.equal(code, 2, run.stderr());
    assert.match(run.stderr(), /src\/cart\.ts changed on disk since flagsweep read it; nothing was written/);
    const after = snapshot(dir);
    assert.equal(after.get('src/cart.ts'), `${before.get('src/cart.ts')}// edited while the cleanup ran\n`);
    after.delete('src/cart.ts');
    before.delete('src/cart.ts');
    assert.deepEqual(after, before);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while writing: no temp file, no lock left, no file changed`, async () => {
      const before = snapshot(dir);
      const run = await pausedCleanup(dir, 'new-checkout', '--value', 'true', '--no-verify');
      assert.ok(tempFiles(dir).length > 0, 'the temp files and the lock exist while it runs');
      run.child.kill(signal);
      assert.equal(await run.exited, signal === 'SIGTERM' ? 143 : 130);
      assert.deepEqual(tempFiles(dir), []);
      assert.deepEqual(snapshot(dir), before);
    });
  }

  it('a source file that is not valid UTF-8: exit 2 with a clear message, nothing written', () => {
    const file = path.join(dir, 'src/checkout.ts');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('// D'), Buffer.from([0xfc]), Buffer.from('sseldorf\n'), fs.readFileSync(file)]));
    const before = snapshot(dir);
    const r = cli(dir, 'new-checkout', '--value', 'true');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /src\/checkout\.ts: not valid UTF-8; flagsweep never re-encodes a file/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('a source file saved as UTF-16: its read is found, exit 2 naming it, nothing written', () => {
    const file = path.join(dir, 'src/checkout.ts');
    fs.writeFileSync(file, Buffer.from(`\uFEFF${fs.readFileSync(file, 'utf8')}`, 'utf16le'));
    const before = snapshot(dir);
    const r = cli(dir, 'new-checkout', '--value', 'true');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /src\/checkout\.ts: UTF-16; flagsweep never re-encodes a file/);
    assert.deepEqual(snapshot(dir), before);
  });

  it('a read nested too deep for TypeScript (generated code): exit 2, one line naming the file, no stack trace, nothing written', () => {
    const deep = 20_000;
    fs.writeFileSync(path.join(dir, 'src/generated.ts'), `import { client } from './client';\nexport const on = ${'('.repeat(deep)}client.isEnabled('new-checkout', false)${')'.repeat(deep)};\n`);
    const before = snapshot(dir);
    const r = cli(dir, 'new-checkout', '--value', 'true');
    assert.equal(r.code, 2);
    assert.equal(r.stderr.replace(dir, '<dir>'), "flagsweep: <dir>/src/generated.ts: code nested too deep for TypeScript's parser (Maximum call stack size exceeded); exclude generated files in the config\nflagsweep: nothing was written\n");
    assert.deepEqual(snapshot(dir), before);
  });

  it('a symlinked source file is cleaned through the link: the target changes, the link stays', () => {
    fs.mkdirSync(path.join(dir, 'shared'));
    fs.renameSync(path.join(dir, 'src/cart.ts'), path.join(dir, 'shared/cart.ts'));
    fs.symlinkSync(path.join(dir, 'shared/cart.ts'), path.join(dir, 'src/cart.ts'));
    const r = cli(dir, 'new-checkout', '--value', 'true', 'src');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /src\/cart\.ts/);
    assert.ok(fs.lstatSync(path.join(dir, 'src/cart.ts')).isSymbolicLink());
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'shared/cart.ts'), 'utf8'), /NEW_CHECKOUT|new-checkout/);
  });
});

describe('--value is read as JSON first', () => {
  it('numbers, quoted strings, booleans, objects and null are JSON; anything else is the raw text', () => {
    assert.equal(parseValueOption('0.1'), 0.1);
    assert.equal(parseValueOption('"on"'), 'on');
    assert.equal(parseValueOption('true'), true);
    assert.deepEqual(parseValueOption('{"a":1}'), { a: 1 });
    assert.equal(parseValueOption('null'), null);
    assert.equal(parseValueOption('treatment'), 'treatment');
    assert.equal(parseValueOption('1.2.3'), '1.2.3');
    assert.throws(() => parseValueOption('{oops'), /--value: not valid JSON/);
  });
});
