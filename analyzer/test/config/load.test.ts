import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

function tmpProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-config-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function configErrorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected ConfigError, got ${e}`);
    return e;
  }
  assert.fail('expected a ConfigError');
}

describe('config loading', () => {
  it('uses defaults rooted at the scanned folder when there is no config', () => {
    const dir = tmpProject({ 'src/a.ts': '' });
    const config = loadConfig(path.join(dir, 'src'));
    assert.equal(config.configFile, undefined);
    assert.deepEqual(config.sources, [{ type: 'flagd', path: 'flags.flagd.json' }]);
    assert.equal(config.lifecycle.staleAfterDays, 30);
    assert.deepEqual(config.lifecycle.permanentTypes, ['ops', 'permission']);
  });

  it('finds flagsweep.config.json by walking up from the scanned path', () => {
    const dir = tmpProject({ 'flagsweep.config.json': '{"keys":{"case":"kebab-case"}}', 'src/deep/a.ts': '' });
    const config = loadConfig(path.join(dir, 'src/deep/a.ts'));
    assert.equal(config.configFile, path.join(dir, 'flagsweep.config.json'));
    assert.equal(config.root, dir);
    assert.equal(config.keys.case, 'kebab-case');
  });

  it('accepts the config under "flagsweep" in package.json', () => {
    const dir = tmpProject({ 'package.json': '{"name":"x","flagsweep":{"lifecycle":{"staleAfterDays":7}}}' });
    const config = loadConfig(dir);
    assert.equal(config.configFile, path.join(dir, 'package.json'));
    assert.equal(config.lifecycle.staleAfterDays, 7);
    assert.equal(config.lifecycle.warnBeforeExpiryDays, 14);
  });

  it('accepts the documented patterns and source shapes exactly', () => {
    const dir = tmpProject({
      'flagsweep.config.json': JSON.stringify({
        patterns: [
          { call: 'flagResolver.isEnabled', key: 0 },
          { call: 'isToggleDisabled', key: 0, negate: true },
          { call: '*.getFeatureValue', key: 0 },
          { property: 'uiConfig.flags' },
          { element: 'featureFlags' },
          { hook: 'useFlags', destructure: true },
          { jsx: 'Feature', keyProp: 'flag' },
        ],
        keys: { case: 'kebab-case', pattern: '^[a-z]', prefixes: ['rel-'], maxLength: 60 },
        lifecycle: { staleAfterDays: 30, warnBeforeExpiryDays: 14, maxLifetimeDays: { release: 90, experiment: 60 }, permanentTypes: ['ops', 'permission'] },
        source: [
          { type: 'flagd', path: 'flags.flagd.json' },
          { type: 'unleash', url: 'http://127.0.0.1:4242', project: 'default', environment: 'production', tokenEnv: 'UNLEASH_TOKEN' },
          { type: 'launchdarkly', project: 'default', environment: 'production', tokenEnv: 'LD_API_TOKEN', baseUrl: 'https://app.launchdarkly.com' },
        ],
      }),
    });
    const config = loadConfig(dir);
    assert.equal(config.patterns.length, 7);
    assert.equal(config.sources.length, 3);
    assert.deepEqual(config.patterns[1], { call: 'isToggleDisabled', key: 0, negate: true });
  });

  it('reports a wrong enum value with file, JSON path and expectation on one line', () => {
    const dir = tmpProject({ 'flagsweep.config.json': '{"keys":{"case":"Kebab"}}' });
    const err = configErrorOf(() => loadConfig(dir));
    assert.equal(
      err.message,
      `${path.join(dir, 'flagsweep.config.json')}: $.keys.case: expected one of "kebab-case", "snake_case", "camelCase", "SCREAMING_SNAKE", "dot.case"`,
    );
    assert.ok(!err.message.includes('\n'));
  });

  it('reports unknown fields', () => {
    const dir = tmpProject({ 'flagsweep.config.json': '{"lifecycle":{"staleAfter":3}}' });
    assert.match(configErrorOf(() => loadConfig(dir)).message, /: \$\.lifecycle: unknown field "staleAfter"$/);
  });

  it('reports a wrong type deep in an array', () => {
    const dir = tmpProject({ 'flagsweep.config.json': '{"patterns":[{"call":"a.b","key":"0"}]}' });
    assert.match(configErrorOf(() => loadConfig(dir)).message, /: \$\.patterns\[0\]: expected a pattern with one of "call"/);
  });

  const MALFORMED: { title: string; files: Record<string, string>; message: RegExp }[] = [
    { title: 'unterminated JSON, with line and column', files: { 'flagsweep.config.json': '{"keys": ' }, message: /flagsweep\.config\.json: invalid JSON at line 1, column 10: value expected$/ },
    { title: 'a missing comma on a later line', files: { 'flagsweep.config.json': '{\n  "include": ["src"]\n  "sdks": []\n}' }, message: /flagsweep\.config\.json: invalid JSON at line 3, column 3: comma expected$/ },
    { title: 'a trailing comma in package.json (npm reads it too: strict JSON)', files: { 'package.json': '{"flagsweep": {"sdks": [],}}' }, message: /package\.json: invalid JSON at line 1, column 27: property name expected$/ },
    { title: 'an unterminated block comment in a .jsonc config', files: { 'flagsweep.config.jsonc': '{\n  /* no end\n  "sdks": []\n}' }, message: /flagsweep\.config\.jsonc: invalid JSON at line 2, column 3: unexpected end of comment$/ },
    { title: 'a missing value after a comment', files: { 'flagsweep.config.jsonc': '{\n  // the SDKs\n  "sdks": \n}' }, message: /flagsweep\.config\.jsonc: invalid JSON at line 4, column 1: value expected$/ },
    { title: 'an empty file', files: { 'flagsweep.config.json': '' }, message: /flagsweep\.config\.json: invalid JSON at line 1, column 1: / },
    { title: 'null instead of an object', files: { 'flagsweep.config.json': 'null' }, message: /flagsweep\.config\.json: \$: expected object$/ },
    { title: '"flagsweep": null in package.json', files: { 'package.json': '{"name":"x","flagsweep":null}' }, message: /package\.json: \$\.flagsweep: expected object$/ },
    { title: 'an error in package.json saved with a byte-order mark', files: { 'package.json': '\ufeff{"flagsweep":{"sdks":"unleash"}}' }, message: /package\.json: \$\.flagsweep\.sdks: expected array$/ },
  ];
  for (const { title, files, message } of MALFORMED) {
    it(`reports a malformed config on one line: ${title}`, () => {
      const e = configErrorOf(() => loadConfig(tmpProject(files)));
      assert.match(e.message, message);
      assert.doesNotMatch(e.message, /\n/);
    });
  }

  it('reads comments and trailing commas in flagsweep.config.json (JSONC, like tsconfig.json)', () => {
    const dir = tmpProject({ 'flagsweep.config.json': '{\n  // only these SDKs\n  "sdks": ["unleash",], /* block */\n  "keys": { "case": "kebab-case", },\n}\n' });
    const config = loadConfig(dir);
    assert.deepEqual(config.sdks, ['unleash']);
    assert.equal(config.keys.case, 'kebab-case');
  });

  it('finds flagsweep.config.jsonc by walking up, and reports its errors with the file name', () => {
    const dir = tmpProject({ 'flagsweep.config.jsonc': '// starter config\n{ "lifecycle": { "staleAfterDays": 9 } }', 'src/a.ts': '' });
    const config = loadConfig(path.join(dir, 'src/a.ts'));
    assert.equal(config.configFile, path.join(dir, 'flagsweep.config.jsonc'));
    assert.equal(config.lifecycle.staleAfterDays, 9);
    fs.writeFileSync(path.join(dir, 'flagsweep.config.jsonc'), '// starter config\n{ "lifecycle": { "staleAfterDays": "9" } }');
    assert.equal(configErrorOf(() => loadConfig(dir)).message, `${path.join(dir, 'flagsweep.config.jsonc')}: $.lifecycle.staleAfterDays: expected number`);
  });

  it('prefers flagsweep.config.json over flagsweep.config.jsonc in the same folder', () => {
    const dir = tmpProject({ 'flagsweep.config.json': '{"sdks":["posthog"]}', 'flagsweep.config.jsonc': '{"sdks":["unleash"]}' });
    assert.deepEqual(loadConfig(dir).sdks, ['posthog']);
  });

  it('reads a config saved with a UTF-8 byte-order mark', () => {
    const dir = tmpProject({ 'flagsweep.config.json': '\ufeff{"sdks":["unleash"]}' });
    assert.deepEqual(loadConfig(dir).sdks, ['unleash']);
  });

  it('reports a key pattern that is not a regular expression', () => {
    const dir = tmpProject({ 'flagsweep.config.json': '{"keys":{"pattern":"(["}}' });
    assert.match(configErrorOf(() => loadConfig(dir)).message, /: \$\.keys\.pattern: expected a valid regular expression/);
  });

  it('reports a source without type', () => {
    const dir = tmpProject({ 'package.json': '{"flagsweep":{"source":{"path":"x.json"}}}' });
    assert.match(configErrorOf(() => loadConfig(dir)).message, /package\.json: \$\.flagsweep\.source/);
  });
});
