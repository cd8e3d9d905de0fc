import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { buildCli, flagsweep } from '../cli-check/cli';
import { CHECKOUT_TS, flagFile, makeProject } from './project';

const NOW = ['--now', '2026-11-22'];
const deep = (levels: number, inner = '') => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;

describe('hostile input to the CLI: one clear line, exit 2, no hang, no crash (built CLI)', function () {
  this.timeout(180_000);
  const dirs: string[] = [];
  const project = (files: Record<string, string | null> = {}) => {
    const dir = makeProject(files);
    dirs.push(dir);
    return dir;
  };
  before(() => buildCli());
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

  describe('files that are not regular files are refused at once (a FIFO never blocks)', () => {
    it('a config given with --config that is a FIFO', () => {
      const dir = project();
      mkfifo(path.join(dir, 'fifo.json'));
      const r = flagsweep(dir, 'check', ...NOW, '--config', 'fifo.json');
      assert.equal(r.code, 2, 'exits instead of blocking');
      assert.equal(r.stderr, `flagsweep: ${dir}/fifo.json: cannot read config file: is a FIFO (named pipe), not a regular file\n`);
    });

    it('flagsweep.config.json found by walking up that is a FIFO', () => {
      const dir = project({ 'flagsweep.config.json': null });
      mkfifo(path.join(dir, 'flagsweep.config.json'));
      const r = flagsweep(dir, 'scan', ...NOW);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `flagsweep: ${dir}/flagsweep.config.json: cannot read config file: is a FIFO (named pipe), not a regular file\n`);
    });

    it('a config that is a folder', () => {
      const dir = project();
      const r = flagsweep(dir, 'check', ...NOW, '--config', 'src');
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `flagsweep: ${dir}/src: cannot read config file: is a folder, not a regular file\n`);
    });

    it('a flag file that is a FIFO, a socket or a device', async () => {
      const dir = project({ 'flags.flagd.json': null });
      mkfifo(path.join(dir, 'flags.flagd.json'));
      const fifo = flagsweep(dir, 'check', ...NOW);
      assert.equal(fifo.code, 2);
      assert.equal(fifo.stderr, `flagsweep check: flag source flagd:flags.flagd.json cannot be used: cannot read the flag file ${dir}/flags.flagd.json (is a FIFO (named pipe), not a regular file)\n`);

      const socketDir = project({ 'flags.flagd.json': null, 'flagsweep.config.json': JSON.stringify({ source: { type: 'flagd', path: 'flags.sock' } }) });
      const server = net.createServer().listen(path.join(socketDir, 'flags.sock'));
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const sock = flagsweep(socketDir, 'check', ...NOW);
        assert.equal(sock.code, 2);
        assert.equal(sock.stderr, `flagsweep check: flag source flagd:flags.sock cannot be used: cannot read the flag file ${socketDir}/flags.sock (is a socket, not a regular file)\n`);
      } finally {
        server.close();
      }

      const devDir = project({ 'flagsweep.config.json': JSON.stringify({ source: { type: 'flagd', path: '/dev/zero' } }) });
      const dev = flagsweep(devDir, 'check', ...NOW);
      assert.equal(dev.code, 2);
      assert.equal(dev.stderr, 'flagsweep check: flag source flagd:/dev/zero cannot be used: cannot read the flag file /dev/zero (is a character device, not a regular file)\n');
    });
  });

  describe('deep nesting (200,000 levels) is refused, naming the file', () => {
    it('in the config', () => {
      const dir = project({ 'flagsweep.config.json': `{ "include": ${deep(200_000)} }` });
      const r = flagsweep(dir, 'check', ...NOW);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `flagsweep: ${dir}/flagsweep.config.json: invalid JSON at line 1, column 1013: nested deeper than 1000 levels\n`);
    });

    it('in the flag file', () => {
      const dir = project({ 'flags.flagd.json': `{ "flags": { "x": { "variants": ${deep(200_000, '1')} } } }` });
      const r = flagsweep(dir, 'check', ...NOW);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'flagsweep check: flag source flagd:flags.flagd.json cannot be used: flags.flagd.json: invalid JSON at line 1, column 1030: nested deeper than 1000 levels; no flags loaded\n');
    });
  });

  it('a catastrophic keys.pattern is refused before it can run', () => {
    const dir = project({ 'flagsweep.config.json': JSON.stringify({ keys: { pattern: '^(a+)+$' } }) });
    const r = flagsweep(dir, 'check', ...NOW);
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      `flagsweep: ${dir}/flagsweep.config.json: $.keys.pattern: "^(a+)+$" can take exponential time: (a+)+ repeats a group that itself repeats; write it without the nested repetition (e.g. (a+)+ as a+)\n`,
    );
  });

  it('a 20 MB generated .js file is skipped and listed (maxFileBytes); the rest of the scan and the gate go on', () => {
    const line = "export const v = client.getBooleanValue('generated-flag', false);\n";
    const dir = project({ 'src/generated.js': `import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\n${line.repeat(Math.ceil((20 * 1024 * 1024) / line.length))}` });
    const scan = flagsweep(dir, 'scan', ...NOW);
    assert.equal(scan.code, 0, scan.stderr);
    assert.match(scan.stdout, /\nSKIPPED FILES \(1\)\n {2}src\/generated\.js: 20\.0 MB, over the 2 MB limit \("maxFileBytes"\)\n/);
    assert.match(scan.stdout, /new-checkout/);
    assert.equal(scan.stderr, 'flagsweep: warning: 1 file over the 2 MB limit ("maxFileBytes") not scanned: src/generated.js\n');
    const check = flagsweep(dir, 'check', ...NOW);
    assert.equal(check.code, 1, 'the gate runs: the expired flag fails it');
    assert.equal(check.stderr, 'flagsweep check: note: 1 file over the 2 MB limit ("maxFileBytes") not scanned: src/generated.js\n');
    const raised = project({ 'src/generated.js': fs.readFileSync(path.join(dir, 'src/generated.js'), 'utf8'), 'flagsweep.config.json': JSON.stringify({ maxFileBytes: 1 }) });
    assert.match(flagsweep(raised, 'scan', ...NOW).stdout, /SKIPPED FILES \(2\)/, 'the limit is configurable');
  });

  it('control characters from flag data are escaped in scan, check and CSV output', () => {
    const dir = project({ 'flags.flagd.json': flagFile({ owner: 'pay\u001b[2Jments\u0007', expires: '2026-11-19', description: 'x\u009b31m' }) });
    const scan = flagsweep(dir, 'scan', ...NOW);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(scan.stdout), 'no raw control character in scan');
    assert.match(scan.stdout, /new-checkout {2}owner pay\\x1b\[2Jments\\x07 · expires 2026-11-19/);
    const check = flagsweep(dir, 'check', ...NOW);
    assert.match(check.stdout, /\nnew-checkout {2}expired {2}owner pay\\x1b\[2Jments\\x07, expires 2026-11-19 \(3 days ago\)\n/);
    const csv = flagsweep(dir, 'report', ...NOW, '--no-git', '--format', 'csv');
    assert.equal(csv.stdout.split('\r\n')[1], 'new-checkout,src/checkout.ts,3,19,call,expired,pay\\x1b[2Jments\\x07,2026-11-19,true,');
  });

  it('a file name with a newline and an escape sequence: cleanup shows it escaped, and its diff quotes it as git does (git apply takes it)', () => {
    const evil = 'src/evil\nname\u001b[31m.ts';
    const dir = project({ 'src/checkout.ts': null, [evil]: CHECKOUT_TS });
    const r = flagsweep(dir, 'cleanup', 'new-checkout', '--value', 'true', '--dry-run', '--no-verify');
    assert.equal(r.code, 1, r.stderr); // the exported constant is left for a person
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.stdout), 'no raw control character in the output');
    assert.match(r.stdout, /\n {2}src\/evil\\nname\\x1b\[31m\.ts:3:14 {2}exported on holds the flag value/);
    assert.match(r.stdout, /^--- "a\/src\/evil\\nname\\033\[31m\.ts"\n\+\+\+ "b\/src\/evil\\nname\\033\[31m\.ts"\n/m);
    assert.match(r.stdout, /\n {2}src\/evil\\nname\\x1b\[31m\.ts {2}-\d+\n/);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const diff = r.stdout.slice(0, r.stdout.indexOf('cleanup new-checkout'));
    execFileSync('git', ['apply', '--check', '-'], { cwd: dir, input: diff });
  });

  describe('--output', () => {
    const run = (dir: string, output: string) => flagsweep(dir, 'check', ...NOW, '--output', output);
    const noTemporaryFiles = (dir: string) => {
      const all = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(d, e.name)) : [e.name]));
      assert.deepEqual(all(dir).filter((n) => n.endsWith('.tmp')), []);
    };

    it('writes through a symlink to its target (the link stays a link)', () => {
      const dir = project({ 'reports/real.txt': 'old' });
      fs.symlinkSync('real.txt', path.join(dir, 'reports/link.txt'));
      const r = run(dir, 'reports/link.txt');
      assert.equal(r.code, 1, r.stderr);
      assert.ok(fs.lstatSync(path.join(dir, 'reports/link.txt')).isSymbolicLink());
      assert.match(fs.readFileSync(path.join(dir, 'reports/real.txt'), 'utf8'), /^✖ flagsweep check: 1 flag fails/);
      noTemporaryFiles(dir);
    });

    it('a dangling symlink: its target is created', () => {
      const dir = project();
      fs.symlinkSync('made-by-flagsweep.txt', path.join(dir, 'link.txt'));
      assert.equal(run(dir, 'link.txt').code, 1);
      assert.match(fs.readFileSync(path.join(dir, 'made-by-flagsweep.txt'), 'utf8'), /flag fails/);
    });

    it('keeps the mode of the file it replaces', () => {
      const dir = project({ 'out.txt': 'old' });
      fs.chmodSync(path.join(dir, 'out.txt'), 0o640);
      assert.equal(run(dir, 'out.txt').code, 1);
      assert.equal(fs.statSync(path.join(dir, 'out.txt')).mode & 0o777, 0o640);
    });

    it('refuses a folder, a FIFO and a device with one line; never leaves a .tmp', () => {
      const dir = project();
      fs.mkdirSync(path.join(dir, 'folder'));
      mkfifo(path.join(dir, 'pipe'));
      const cases: [string, string][] = [
        ['folder', 'flagsweep: --output folder: is a folder, not a regular file; give a file name\n'],
        ['pipe', 'flagsweep: --output pipe: is a FIFO (named pipe), not a regular file; give a file name\n'],
        ['/dev/null', 'flagsweep: --output /dev/null: is a character device, not a regular file; give a file name\n'],
        ['src/checkout.ts/report.txt', 'flagsweep: --output src/checkout.ts/report.txt: cannot write (ENOTDIR: a part of the path is a file, not a folder)\n'],
      ];
      for (const [output, message] of cases) {
        const r = run(dir, output);
        assert.equal(r.code, 2, output);
        assert.equal(r.stderr, message);
        assert.ok(!r.stderr.includes('    at '), 'no stack trace');
      }
      assert.ok(fs.statSync(path.join(dir, 'pipe')).isFIFO(), 'the FIFO is still a FIFO');
      noTemporaryFiles(dir);
    });

    it('an unwritable place: one line, no stack, no .tmp', () => {
      const dir = project();
      const r = run(dir, '/sys/flagsweep-report.txt');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^flagsweep: --output \/sys\/flagsweep-report\.txt: cannot write \((EACCES: permission denied|EROFS: read-only file system|ENOENT: no such file or folder)\)\n$/);
    });

    it('--sarif gets the same care', () => {
      const dir = project();
      fs.mkdirSync(path.join(dir, 'folder'));
      const r = flagsweep(dir, 'check', ...NOW, '--sarif', 'folder');
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'flagsweep: --sarif folder: is a folder, not a regular file; give a file name\n');
    });
  });
});
