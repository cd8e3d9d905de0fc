import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ESLint } from 'eslint';
import { HEADER, recommendedESLint } from './rule-tester';

/** One long-lived ESLint instance linting text again and again, as an editor integration does. */
describe('a long-lived lint session (editor)', () => {
  let dir: string;
  let eslint: ESLint;
  const lint = async (file: string, code: string) =>
    (await eslint.lintText(code, { filePath: path.join(dir, file) }))[0].messages.map((m) => `${m.ruleId}: ${m.message}`);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-eslint-session-'));
    fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), JSON.stringify({ sdks: ['openfeature'], keys: { case: 'kebab-case' } }));
    fs.writeFileSync(path.join(dir, 'flags.flagd.json'), JSON.stringify({ flags: {} }));
    eslint = recommendedESLint(dir, { settings: { flagsweep: { now: '2026-11-22' } }, rules: { 'flagsweep/no-unknown-flag': 'off' } });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const reader = `${HEADER}client.getBooleanValue('fresh-flag', false);\n`;

  it('sees an annotation added in another file as soon as that file is linted (unsaved text)', async () => {
    assert.deepEqual(await lint('src/reader.ts', reader), [
      "flagsweep/require-flag-expiry: Flag 'fresh-flag' has no expiry. Add `@expires YYYY-MM-DD` to the annotation on its declaration or on this statement, or an `expires` entry to its metadata in the flag file.",
    ]);
    assert.deepEqual(await lint('src/registry.ts', '// @flag fresh-flag @expires 2026-11-01 @owner team-web\nexport {};\n'), []);
    assert.deepEqual(await lint('src/reader.ts', reader), [
      "flagsweep/no-expired-flag: Flag 'fresh-flag' expired on 2026-11-01 (21 days ago); owner: team-web. Remove it from the code: run `flagsweep cleanup fresh-flag --value false`.",
    ]);
    // The annotation is edited away again.
    assert.deepEqual(await lint('src/registry.ts', 'export {};\n'), []);
    assert.equal((await lint('src/reader.ts', reader)).length, 1);
    assert.match((await lint('src/reader.ts', reader))[0], /^flagsweep\/require-flag-expiry: /);
  });

  it('sees a constants file changed on disk (never linted) at the next lint of a file reading it', async () => {
    const constants = path.join(dir, 'src/keys.ts');
    fs.mkdirSync(path.dirname(constants), { recursive: true });
    fs.writeFileSync(constants, "/** @flag key-flag @expires 2027-06-01 */\nexport const KEY = 'key-flag';\n");
    const code = `${HEADER}import { KEY } from './keys';\nclient.getBooleanValue(KEY, false);\n`;
    assert.deepEqual(await lint('src/reader.ts', code), []);
    fs.writeFileSync(constants, "/** @flag key-flag @expires 2026-11-01 @owner team-web */\nexport const KEY = 'key-flag';\n");
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(constants, later, later);
    assert.deepEqual(await lint('src/reader.ts', code), [
      "flagsweep/no-expired-flag: Flag 'key-flag' expired on 2026-11-01 (21 days ago); owner: team-web. Remove it from the code: run `flagsweep cleanup key-flag --value false`.",
    ]);
  });

  it('sees an edited flag file when a file is linted again at once, and in any file linted a second later', async () => {
    const expiredMessage = (key: string) =>
      `flagsweep/no-expired-flag: Flag '${key}' expired on 2026-11-01 (21 days ago); owner: team-web. Remove it from the code: run \`flagsweep cleanup ${key} --value false\`.`;
    const reads = (key: string) => `${HEADER}client.getBooleanValue('${key}', false);\n`;
    const withExpiry = (key: string) => ({
      [key]: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off', metadata: { expires: '2026-11-01', owner: 'team-web' } },
    });
    const flagFile = path.join(dir, 'flags.flagd.json');
    const writeFlags = (flags: object, secondsAhead: number) => {
      fs.writeFileSync(flagFile, JSON.stringify({ flags }));
      const later = new Date(Date.now() + secondsAhead * 1000);
      fs.utimesSync(flagFile, later, later);
    };
    assert.match((await lint('src/a.ts', reads('first-flag')))[0], /^flagsweep\/require-flag-expiry: /);
    writeFlags(withExpiry('first-flag'), 5);
    assert.deepEqual(await lint('src/a.ts', reads('first-flag')), [expiredMessage('first-flag')], 'the same file linted again');
    writeFlags({ ...withExpiry('first-flag'), ...withExpiry('second-flag') }, 10);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    assert.deepEqual(await lint('src/b.ts', reads('second-flag')), [expiredMessage('second-flag')], 'another file, a second later');
  });

  it('picks up an edited flagsweep.config.json (mtime) without a restart', async () => {
    const code = `${HEADER}// @expires 2027-01-01\nclient.getBooleanValue('New_Flag', false);\n`;
    assert.deepEqual(await lint('src/a.ts', code), ["flagsweep/flag-key-format: Flag key 'New_Flag' is not kebab-case."]);
    const config = path.join(dir, 'flagsweep.config.json');
    fs.writeFileSync(config, JSON.stringify({ sdks: ['openfeature'], keys: { pattern: '^[A-Z]' } }));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(config, later, later);
    assert.deepEqual(await lint('src/a.ts', code), []);
  });
});
