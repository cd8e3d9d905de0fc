import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HEADER, recommendedESLint } from './rule-tester';

/** ESLint lints files the flagsweep config excludes (tests, say): the rules still report there, from the same records. */
describe('a linted file the config excludes', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-eslint-excluded-'));
    fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), JSON.stringify({ sdks: ['openfeature'], exclude: ['**/*.test.ts'] }));
    fs.writeFileSync(path.join(dir, 'flags.flagd.json'), JSON.stringify({ flags: {} }));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src/registry.ts'), "/** @flag old-flag @expires 2026-10-31 @owner team-web */\nexport const OLD_FLAG = 'old-flag';\n");
    const reader = `${HEADER}import { OLD_FLAG } from './registry';\nexport const on = client.getBooleanValue(OLD_FLAG, false);\n`;
    fs.writeFileSync(path.join(dir, 'src/page.ts'), reader);
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, `src/page${i}.test.ts`), i % 2 ? reader : `export const n = ${i};\n`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is linted: its reads are reported from the project records, as the files the config covers', async () => {
    const eslint = recommendedESLint(dir, { settings: { flagsweep: { now: '2026-11-22' } }, rules: { 'flagsweep/no-unknown-flag': 'off' } });
    const results = await eslint.lintFiles(['src']);
    const expired = results.filter((r) => r.messages.some((m) => m.ruleId === 'flagsweep/no-expired-flag')).map((r) => path.basename(r.filePath));
    // The reads (one in page.ts, ten in excluded test files) and the annotated declaration in registry.ts.
    assert.equal(expired.length, 12, expired.join(', '));
    assert.ok(expired.includes('page.ts') && expired.includes('page1.test.ts'));
    const message = results.find((r) => r.filePath.endsWith('page.ts'))!.messages[0].message;
    assert.equal(message, "Flag 'old-flag' expired on 2026-10-31 (22 days ago); owner: team-web. Remove it from the code: run `flagsweep cleanup old-flag --value false`.");
  });
});
