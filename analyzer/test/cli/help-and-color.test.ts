import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { useColor } from '../../src/cli/options';
import { FIXTURES, runCli } from './helpers';

const demo = path.join(FIXTURES, 'demo-app');
const ESC = '\u001b[';

describe('flagsweep with no command, colors and option defaults', function () {
  this.timeout(120_000);
  it('bare `flagsweep` prints help on stdout and exits 0', () => {
    const run = runCli([]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^Usage: flagsweep \[options\] \[command\]/);
    for (const command of ['scan', 'check', 'report', 'cleanup', 'sources', 'init']) assert.match(run.stdout, new RegExp(`\\n  ${command} `));
  });

  it('an unknown command is still a usage error (exit 2)', () => {
    const run = runCli(['scna']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /unknown command 'scna'/);
  });

  it('shows the --max-usages default as a number and rejects a non-number on one line', () => {
    assert.match(runCli(['check', '--help']).stdout, /--max-usages <n> +usages listed per failing flag \(default: 10\)/);
    const run = runCli(['check', demo, '--max-usages', 'ten', '--now', '2026-11-22']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'flagsweep: --max-usages: "ten" is not a whole number\n');
  });

  const scan = (args: string[], env: Record<string, string> = {}) => runCli(['scan', demo, '--now', '2026-11-22', ...args], { env });

  it('writes no colors in a pipe by default', () => {
    const run = scan([]);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!run.stdout.includes(ESC));
  });

  it('--color and FORCE_COLOR turn colors on in a pipe (scan, check, cleanup)', () => {
    assert.ok(scan(['--color']).stdout.includes(ESC));
    assert.ok(scan([], { FORCE_COLOR: '1' }).stdout.includes(ESC));
    const check = runCli(['check', demo, '--now', '2026-11-22', '--color']);
    assert.equal(check.status, 1, check.stderr);
    assert.ok(check.stdout.includes(ESC), check.stdout);
    const cleanup = runCli(['cleanup', 'new-checkout', '--value', 'true', '--dry-run', '--color'], { cwd: demo });
    assert.ok(cleanup.stdout.includes(ESC), cleanup.stdout + cleanup.stderr);
  });

  it('--no-color, NO_COLOR and FORCE_COLOR=0 keep colors off; the flag wins over the environment', () => {
    assert.ok(!scan(['--no-color'], { FORCE_COLOR: '1' }).stdout.includes(ESC));
    assert.ok(!scan([], { FORCE_COLOR: '0' }).stdout.includes(ESC));
    assert.ok(!scan([], { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout.includes(ESC));
    assert.ok(scan(['--color'], { NO_COLOR: '1' }).stdout.includes(ESC));
  });

  it('decides colors in this order: flag, --output, NO_COLOR, FORCE_COLOR, terminal', () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    assert.equal(useColor({}, tty, {}), true);
    assert.equal(useColor({}, tty, { TERM: 'dumb' }), false);
    assert.equal(useColor({}, pipe, {}), false);
    assert.equal(useColor({}, pipe, { FORCE_COLOR: 'true' }), true);
    assert.equal(useColor({}, tty, { FORCE_COLOR: 'false' }), false);
    assert.equal(useColor({}, tty, { NO_COLOR: '1' }), false);
    assert.equal(useColor({ output: 'r.txt' }, tty, { FORCE_COLOR: '1' }), false);
    assert.equal(useColor({ output: 'r.txt', color: true }, pipe, {}), true);
    assert.equal(useColor({ color: false }, tty, { FORCE_COLOR: '1' }), false);
  });
});
