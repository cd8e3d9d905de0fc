import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSession, DEFAULT_CACHE_LOCATION, loadConfig } from '@flagsweep/analyzer/session';
import { HEADER, recommendedESLint } from './rule-tester';

const FILES = 1000;

/** The CommonJS module object every `require('node:fs')` shares (an ESM namespace can't be patched). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sharedFs: typeof fs = require('node:fs');

/**
 * Counts reads per absolute path while `run` runs: fs.readFileSync by path, and fs.openSync by path (the safe reader
 * opens the file, checks it is a regular file, then reads the descriptor).
 */
async function countReads<T>(run: () => Promise<T>): Promise<{ result: T; reads: Map<string, number> }> {
  const reads = new Map<string, number>();
  const patched = ['readFileSync', 'openSync'] as const;
  const originals = patched.map((name) => sharedFs[name]);
  patched.forEach((name, i) => {
    (sharedFs as unknown as Record<string, unknown>)[name] = function (this: unknown, file: unknown, ...rest: unknown[]) {
      if (typeof file === 'string') reads.set(path.resolve(file), (reads.get(path.resolve(file)) ?? 0) + 1);
      return (originals[i] as (...a: unknown[]) => unknown).call(this, file, ...rest);
    };
  });
  try {
    return { result: await run(), reads };
  } finally {
    patched.forEach((name, i) => ((sharedFs as unknown as Record<string, unknown>)[name] = originals[i]));
  }
}

describe(`a lint run over ${FILES} files`, function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-eslint-cache-'));
    fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), JSON.stringify({ sdks: ['openfeature'], keys: { case: 'kebab-case' } }));
    fs.writeFileSync(
      path.join(dir, 'flags.flagd.json'),
      JSON.stringify({ flags: { 'new-checkout': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on', metadata: { owner: 'team-checkout' } } } }),
    );
    fs.writeFileSync(path.join(dir, 'registry.ts'), "/** @flag new-checkout @expires 2026-10-31 @owner team-checkout */\nexport const NEW_CHECKOUT = 'new-checkout';\n");
    fs.mkdirSync(path.join(dir, 'src'));
    for (let i = 0; i < FILES; i++) {
      const body = i % 2 === 0 ? "import { NEW_CHECKOUT } from '../registry';\nexport const on = client.getBooleanValue(NEW_CHECKOUT, false);\n" : `export const n${i} = ${i};\n`;
      fs.writeFileSync(path.join(dir, 'src', `f${String(i).padStart(4, '0')}.ts`), i % 2 === 0 ? `${HEADER}${body}` : body);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the config and the flag file once, the imported constants file once for the index and once for key resolution', async () => {
    const eslint = recommendedESLint(dir, { settings: { flagsweep: { now: '2026-11-22' } } });
    const { result, reads } = await countReads(() => eslint.lintFiles(['src']));
    assert.equal(result.length, FILES);
    // The run did the work: every file reading the flag reports it expired (through the other file's annotation).
    const expired = result.flatMap((r) => r.messages).filter((m) => m.ruleId === 'flagsweep/no-expired-flag');
    assert.equal(expired.length, FILES / 2);
    assert.equal(reads.get(path.join(dir, 'flagsweep.config.json')), 1);
    assert.equal(reads.get(path.join(dir, 'flags.flagd.json')), 1);
    // The session's index reads every project file once; the key resolver reads the module it resolves through once
    // more (as in `flagsweep scan`): twice per run, never per linted file.
    assert.equal(reads.get(path.join(dir, 'registry.ts')), 2);
  });

  it('takes the files a `flagsweep --cache` run left in the scan cache from it, and leaves the cache as it was', async () => {
    // Files changed within two seconds of a caching scan are checked by content; these are older.
    const old = new Date(Date.now() - 3_600_000);
    for (const f of [path.join(dir, 'registry.ts'), ...fs.readdirSync(path.join(dir, 'src')).map((f) => path.join(dir, 'src', f))]) fs.utimesSync(f, old, old);
    const location = path.join(dir, DEFAULT_CACHE_LOCATION);
    createSession({ config: loadConfig(dir), now: new Date(), cache: { location } }).indexAllSync();
    const [cacheFile] = fs.readdirSync(location).map((f) => path.join(location, f));
    const written = fs.readFileSync(cacheFile);
    const eslint = recommendedESLint(
      dir,
      // Other settings than the test above: a session of its own, indexed in this run.
      { settings: { flagsweep: { now: '2026-11-23' } } },
    );
    const { result, reads } = await countReads(() => eslint.lintFiles(['src']));
    const expired = result.flatMap((r) => r.messages).filter((m) => m.ruleId === 'flagsweep/no-expired-flag');
    assert.equal(expired.length, FILES / 2);
    // ESLint reads the linted files itself (asynchronously); the session read none of them, nor the constants file.
    const sessionReads = [...reads.keys()].filter((f) => f.endsWith('.ts'));
    assert.deepEqual(sessionReads, []);
    assert.deepEqual(fs.readFileSync(cacheFile), written);
  });
});
