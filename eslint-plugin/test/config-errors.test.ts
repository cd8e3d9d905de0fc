import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import rule from '../src/rules/no-expired-flag';
import { createRuleTester, fileIn, HEADER, recommendedESLint } from './rule-tester';

const BAD_CONFIG = path.resolve(__dirname, '../../test-fixtures/eslint-bad-config');
const BAD_FLAG_FILE = path.resolve(__dirname, '../../test-fixtures/eslint-bad-flagfile');
const ruleTester = createRuleTester();
const code = `${HEADER}client.getBooleanValue('legacy-search', false);`;
const atTop = { line: 1, column: 1, endLine: 1, endColumn: 1 };
// RuleTester lints with cwd "/", where the config file is named by its absolute path (in a real run: relative to cwd).

ruleTester.run('config problems (no-expired-flag as the reporting rule)', rule, {
  valid: [],
  invalid: [
    {
      name: 'invalid flagsweep.config.json',
      code,
      filename: fileIn('src/file.ts', BAD_CONFIG),
      errors: [
        {
          messageId: 'configError',
          data: {
            reason: `flagsweep: ${path.join(BAD_CONFIG, 'flagsweep.config.json')}: $.keys.case: expected one of "kebab-case", "snake_case", "camelCase", "SCREAMING_SNAKE", "dot.case"`,
          },
          ...atTop,
        },
      ],
    },
    {
      name: 'unparseable flag file: reported once, annotation-based expiry still checked',
      code: `${HEADER}// @flag new-checkout @expires 2026-11-01 @owner team-checkout\nclient.getBooleanValue('new-checkout', false);`,
      filename: fileIn('src/file.ts', BAD_FLAG_FILE),
      errors: [
        { messageId: 'configError', data: { reason: 'flagsweep: flag file flags.flagd.json: invalid JSON at line 1, column 52: property name expected; no flags loaded' }, ...atTop },
        { messageId: 'expired', line: 4 },
      ],
    },
    {
      name: 'unknown settings.flagsweep field',
      code,
      filename: fileIn(),
      settings: { flagsweep: { confgFile: 'x.json' } },
      errors: [
        {
          messageId: 'configError',
          data: { reason: 'settings.flagsweep: unknown field "confgFile" (expected configFile, now, keys, lifecycle, sdks, globalSdks, patterns, aliases, source)' },
          ...atTop,
        },
      ],
    },
    {
      name: 'malformed "today"',
      code,
      filename: fileIn(),
      settings: { flagsweep: { now: '22/11/2026' } },
      errors: [{ messageId: 'configError', data: { reason: 'flagsweep: settings.flagsweep.now: expected a date YYYY-MM-DD, got "22/11/2026"' }, ...atTop }],
    },
    {
      name: 'settings override that fails validation',
      code,
      filename: fileIn(),
      settings: { flagsweep: { now: '2026-11-22', lifecycle: { warnBeforeExpiryDays: -1 } } },
      errors: [{ messageId: 'configError', line: 1, column: 1 }],
    },
  ],
});

describe('config problems in a real multi-file lint run', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-eslint-bad-'));
    fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), '{ "keys": { "case": "Kebab" } }');
    for (const name of ['a.ts', 'b.ts', 'c.ts']) fs.writeFileSync(path.join(dir, name), `${HEADER}client.getBooleanValue('x', false);\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the broken config once, at the top of the first file, and lints the rest without crashing', async () => {
    const eslint = recommendedESLint(dir);
    const results = await eslint.lintFiles(['.']);
    assert.equal(results.length, 3);
    // ESLint lints files concurrently: "first" is whichever got there first, so assert the shape, not the name.
    const messages = results.flatMap((r) => r.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.message]));
    assert.deepEqual(messages, [
      [
        'flagsweep/flag-key-format',
        2,
        1,
        1,
        'flagsweep: flagsweep.config.json: $.keys.case: expected one of "kebab-case", "snake_case", "camelCase", "SCREAMING_SNAKE", "dot.case"',
      ],
    ]);
    assert.ok(results.every((r) => r.fatalErrorCount === 0));
  });
});
