import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HEADER, recommendedESLint } from './rule-tester';

/**
 * Hostile project files under a real ESLint run: a FIFO where the config or the flag file should be, a
 * catastrophic key pattern. Each gives one clear lint message and the run ends (a FIFO opened for reading would
 * block it forever; `^(a+)+$` on a near-miss key would take exponential time).
 */
describe('hostile project files in a real ESLint run', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-eslint-hostile-')));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src/a.ts'), `${HEADER}export const on = client.getBooleanValue('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', false);\n`);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const lint = async (rules: Record<string, unknown> = {}) => {
    const eslint = recommendedESLint(dir, { settings: { flagsweep: { now: '2026-11-22' } }, rules: rules as never });
    const [result] = await eslint.lintFiles(['src/a.ts']);
    return result.messages.filter((m) => m.line === 1 && m.column === 1).map((m) => m.message);
  };

  it('a flag file that is a FIFO: one message, the lint ends', async () => {
    fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), '{}');
    execFileSync('mkfifo', [path.join(dir, 'flags.flagd.json')]);
    assert.deepEqual(await lint(), ['flagsweep: cannot read flag file flags.flagd.json (is a FIFO (named pipe), not a regular file)']);
  });

  it('a flagsweep.config.json that is a FIFO: one message, the lint ends', async () => {
    execFileSync('mkfifo', [path.join(dir, 'flagsweep.config.json')]);
    assert.deepEqual(await lint(), [`flagsweep: flagsweep.config.json: cannot read config file: is a FIFO (named pipe), not a regular file`]);
  });

  it('a config nested 200,000 levels deep: one message naming the file', async () => {
    fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), `{ "include": ${'['.repeat(200_000)}${']'.repeat(200_000)} }`);
    assert.deepEqual(await lint(), [`flagsweep: flagsweep.config.json: invalid JSON at line 1, column 1013: nested deeper than 1000 levels`]);
  });

  it('a catastrophic keys.pattern in the config is refused, not run', async () => {
    fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), JSON.stringify({ keys: { pattern: '^(a+)+$' } }));
    const started = Date.now();
    assert.deepEqual(await lint(), [
      `flagsweep: flagsweep.config.json: $.keys.pattern: "^(a+)+$" can take exponential time: (a+)+ repeats a group that itself repeats; write it without the nested repetition (e.g. (a+)+ as a+)`,
    ]);
    assert.ok(Date.now() - started < 30_000);
  });

  it('a catastrophic flag-key-format "pattern" option is refused, not run', async () => {
    fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), '{}');
    fs.writeFileSync(path.join(dir, 'flags.flagd.json'), '{ "flags": {} }');
    const messages = await lint({ 'flagsweep/flag-key-format': ['error', { pattern: '^([a-z]+)*$' }] });
    assert.deepEqual(messages, [
      'flagsweep: flag-key-format option "pattern": "^([a-z]+)*$" can take exponential time: ([a-z]+)* repeats a group that itself repeats; write it without the nested repetition (e.g. (a+)+ as a+)',
    ]);
  });

  it('a safe pattern with a separator (kebab-case words) still runs', async () => {
    fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), JSON.stringify({ keys: { pattern: '^[a-z]+(-[a-z0-9]+)*$' } }));
    fs.writeFileSync(path.join(dir, 'flags.flagd.json'), '{ "flags": {} }');
    const eslint = recommendedESLint(dir, { settings: { flagsweep: { now: '2026-11-22' } } });
    const [result] = await eslint.lintFiles(['src/a.ts']);
    assert.ok(result.messages.some((m) => m.ruleId === 'flagsweep/flag-key-format' && /does not match the pattern/.test(m.message)));
  });
});
