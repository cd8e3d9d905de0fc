import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { loadConfig } from '../../src/config/load';
import { createSession } from '../../src/session';

v8.setFlagsFromString('--expose-gc');

const FIXTURE = path.resolve(__dirname, '../../../test-fixtures/vscode-checkout');
const NOW = new Date(Date.UTC(2026, 10, 22));
const UNLEASH = "import { UnleashClient } from 'unleash-proxy-client';\nconst unleash = new UnleashClient({ url: 'https://flags.example', clientKey: 'k', appName: 'a' });\n";

describe('ProjectSession (the one project index)', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-session-'));
    fs.cpSync(FIXTURE, root, { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('indexes synchronously and asynchronously to the same records', async () => {
    const sync = createSession({ config: loadConfig(root), now: NOW });
    sync.indexAllSync();
    sync.loadSourcesSync();
    const async_ = createSession({ config: loadConfig(root), now: NOW });
    const progress: [number, number][] = [];
    await Promise.all([async_.indexAll({ onProgress: (d, t) => progress.push([d, t]) }), async_.loadSources({ offline: true })]);
    assert.deepEqual(async_.records(), sync.records());
    assert.equal(sync.record('new-checkout')?.status, 'expired');
    assert.deepEqual(progress[0], [0, progress.at(-1)![1]]);
  });

  it("an editor's session (open texts given as openText) reuses the scan cache a CLI run left, for the files no editor holds", () => {
    const cache = { location: path.join(root, 'node_modules/.cache/flagsweep') };
    const cli = createSession({ config: loadConfig(root), now: NOW, cache });
    cli.indexAllSync();
    cli.loadSourcesSync();
    const banner = `${root}/src/banner.ts`.replace(/\\/g, '/');
    const unsaved = `${fs.readFileSync(banner, 'utf8')}\nexport const extra = client.isEnabled('unsaved-only-flag');\n`;
    const editor = createSession({ config: loadConfig(root), now: NOW, cache, openText: (f) => (f === banner ? unsaved : undefined) });
    editor.indexAllSync();
    editor.loadSourcesSync();
    const stats = (editor as unknown as { cache: { stats: { reused: number; scanned: number } } }).cache.stats;
    assert.ok(stats.reused > 0, `files reused from the cache: ${stats.reused}`);
    assert.ok(editor.records().some((r) => r.key === 'unsaved-only-flag'), 'the open, unsaved text is what the index holds');
    assert.deepEqual(
      editor.records().filter((r) => r.key !== 'unsaved-only-flag').map((r) => [r.key, r.status, r.usages.length]),
      cli.records().map((r) => [r.key, r.status, r.usages.length]),
    );
  });

  it('reuses a scan cache read-only (reuseCache): files come from it, it is never written, and it is let go after indexing', () => {
    const cache = { location: path.join(root, 'node_modules/.cache/flagsweep') };
    const cli = createSession({ config: loadConfig(root), now: NOW, cache });
    cli.indexAllSync();
    cli.loadSourcesSync();
    const [cacheFile] = fs.readdirSync(cache.location).map((f) => path.join(cache.location, f));
    const written = fs.readFileSync(cacheFile, 'utf8');
    // A file changed since: scanned again, and not recorded in the cache by this session.
    fs.appendFileSync(path.join(root, 'src/theme.ts'), `\nexport const t = client.getBooleanValue('changed-flag', false);\n`);
    const lint = createSession({ config: loadConfig(root), now: NOW, reuseCache: cache, skipUnchangedUpdates: true, retainModuleParses: false });
    const internals = lint as unknown as { cache?: { stats: { reused: number; scanned: number } } };
    const opened = internals.cache!;
    lint.indexAllSync();
    lint.loadSourcesSync();
    assert.equal(opened.stats.reused, lint.fileCount - 1, 'every file but the changed one comes from the cache');
    assert.equal(internals.cache, undefined, 'the cache is let go once the project is indexed');
    assert.equal(fs.readFileSync(cacheFile, 'utf8'), written, 'the cache file is left as the CLI wrote it');
    assert.ok(lint.records().some((r) => r.key === 'changed-flag'));
    assert.deepEqual(
      lint.records().filter((r) => r.key !== 'changed-flag').map((r) => [r.key, r.status, r.usages.length]),
      cli.records().map((r) => [r.key, r.status, r.usages.length]),
    );
    // A file that came from the cache, handed over with its disk text (ESLint's), is current: not examined again.
    const banner = `${root}/src/banner.ts`.replace(/\\/g, '/');
    const held = lint.fileResult(banner);
    assert.ok(held?.parsed);
    lint.updateFile(banner, fs.readFileSync(banner, 'utf8'));
    assert.equal(lint.fileResult(banner), held);
  });

  it('a long-lived session (retainModuleParses: false) keeps no file text alive through the keys it holds', () => {
    // A key cut from a text (13 characters or more) is a V8 sliced string holding on to the whole text.
    const gc = vm.runInNewContext('gc') as () => void;
    const big = path.join(root, 'src/big.ts');
    const padding = `// ${'x'.repeat(70)}\n`.repeat(24_000);
    fs.writeFileSync(big, `${UNLEASH}export const b = unleash.isEnabled('big-flag-with-a-longer-key');\n${padding}`);
    const heapAfterIndexing = () => {
      let session: ReturnType<typeof createSession> | undefined = createSession({ config: loadConfig(root), now: NOW, retainModuleParses: false });
      gc();
      const before = process.memoryUsage().heapUsed;
      session.indexAllSync();
      assert.ok(session.record('big-flag-with-a-longer-key'), 'the big file is indexed');
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      session = undefined;
      return grown;
    };
    heapAfterIndexing(); // the first run loads TypeScript and compiles the matcher
    const grown = heapAfterIndexing();
    assert.ok(grown < fs.statSync(big).size / 2, `the index grew the heap by ${grown} bytes; the big file has ${fs.statSync(big).size}`);
  });

  it('isolates a file that crashes the matcher: a problem at that file, the rest indexed', () => {
    const session = createSession({ config: loadConfig(root), now: NOW });
    session.indexAllSync();
    const file = `${root}/src/banner.ts`.replace(/\\/g, '/');
    const before = session.records().length;
    // A getter that throws while the matcher reads the pattern list stands for a bug in a matcher.
    const patterns = (session as unknown as { index: { patterns: { callsByName: Map<string, unknown> } } }).index.patterns;
    const original = patterns.callsByName.get;
    patterns.callsByName.get = () => {
      throw new Error('matcher bug');
    };
    try {
      session.updateFile(file);
    } finally {
      patterns.callsByName.get = original;
    }
    const skipped = session.problems().skipped;
    assert.deepEqual(skipped.map((s) => [s.file, s.kind]), [[file, 'crashed']]);
    assert.match(skipped[0].reason, /matcher bug/);
    assert.ok(session.records().length >= before - 1);
  });

  it('re-indexes files that resolved a key through a changed file', () => {
    const session = createSession({ config: loadConfig(root), now: NOW });
    session.indexAllSync();
    const flags = `${root}/src/flags.ts`;
    const text = fs.readFileSync(flags, 'utf8').replace("NEW_CHECKOUT = 'new-checkout'", "NEW_CHECKOUT = 'new-checkout-v2'");
    fs.writeFileSync(flags, text);
    const changed = session.updateFile(flags);
    assert.ok(changed.includes(`${root}/src/checkout/summary.ts`), changed.join(', '));
    assert.ok(session.record('new-checkout-v2'));
  });

  it('skipUnchangedUpdates: the text already indexed changes nothing; another text is indexed, then the same again', () => {
    const session = createSession({ config: loadConfig(root), now: NOW, skipUnchangedUpdates: true });
    session.indexAllSync();
    session.loadSourcesSync();
    const file = `${root}/src/checkout/summary.ts`;
    const text = fs.readFileSync(file, 'utf8');
    const result = session.fileResult(file);
    const records = session.records();
    assert.deepEqual(session.updateFile(file, text), [file]);
    assert.equal(session.fileResult(file), result, 'not examined again');
    assert.equal(session.records(), records, 'records kept');
    session.updateFile(file, `${text}\n// edited\n`);
    assert.notEqual(session.fileResult(file), result);
    session.updateFile(file, text);
    assert.deepEqual(session.fileResult(file)?.checks, result?.checks);
  });

  it('skipUnchangedUpdates, a file without any flag token: no digest; a new line count or a flag read in it is seen', () => {
    const session = createSession({ config: loadConfig(root), now: NOW, skipUnchangedUpdates: true });
    const file = `${root}/src/plain.ts`;
    const text = 'export const answer = 42;\n';
    fs.writeFileSync(file, text);
    session.indexAllSync();
    session.loadSourcesSync();
    const result = session.fileResult(file);
    assert.equal(result?.lines, 1);
    session.updateFile(file, text);
    assert.equal(session.fileResult(file), result, 'the same text: not examined again');
    session.updateFile(file, 'export const answer = 43;\n');
    assert.equal(session.fileResult(file), result, 'another text the prefilter rules out, as many lines: the same result');
    session.updateFile(file, `${text}export const question = '?';\n`);
    assert.equal(session.fileResult(file)?.lines, 2, 'one more line is counted');
    const withFlag = `${UNLEASH}export const on = unleash.isEnabled('plain-flag');\n`;
    session.updateFile(file, withFlag);
    assert.deepEqual(session.fileResult(file)?.checks.map((c) => c.key), ['plain-flag']);
    assert.ok(session.record('plain-flag'), 'the new read is in the records');
    session.updateFile(file, text);
    assert.deepEqual(session.fileResult(file)?.checks, []);
    assert.equal(session.record('plain-flag'), undefined, 'and gone again');
  });

  it('deferParses: files that only read flags wait for their parse; statuses are exact meanwhile, whole-project results complete the index', () => {
    const { full, deferred, waiting } = fullAndDeferred(root);
    for (const f of waiting) assert.ok(!/@(flag|flagType|expires|owner)\b/.test(fs.readFileSync(f, 'utf8')), `${f} holds an annotation: it must be parsed`);
    for (const r of full.records()) {
      // A key read only in files still waiting has no usage yet: no rule asks for it before one of them is linted.
      const partial = deferred.record(r.key);
      if (!partial || partial.status === 'unused') continue;
      const exact = ({ status, expires, owner, flagType, daysToExpiry, state }: typeof r) => ({ status, expires, owner, flagType, daysToExpiry, state });
      assert.deepEqual(exact(partial), exact(r), r.key);
    }
    // A file handed over with its text (and a parse, as ESLint does) is parsed then; an unchanged text is not again.
    const file = waiting[0];
    const text = fs.readFileSync(file, 'utf8');
    deferred.updateFile(file, text);
    assert.deepEqual(deferred.fileResult(file)?.checks, full.fileResult(file)?.checks);
    const result = deferred.fileResult(file);
    deferred.updateFile(file, text);
    assert.equal(deferred.fileResult(file), result);
    // Its checks find their records (kept from before the parse, or rebuilt for a key read nowhere else yet).
    for (const other of waiting.slice(1)) deferred.updateFile(other, fs.readFileSync(other, 'utf8'));
    for (const f of waiting) {
      for (const c of full.fileResult(f)!.checks) {
        const want = full.recordForCheck(c);
        const got = deferred.recordForCheck(c);
        assert.deepEqual([got?.key, got?.status, got?.expires, got?.owner], [want?.key, want?.status, want?.expires, want?.owner], `${f}: ${c.key}`);
      }
    }
    // The cleanup command and the whole-project results count every usage.
    for (const r of full.records()) assert.equal(deferred.cleanupCommand(r.key), full.cleanupCommand(r.key), r.key);
    assert.deepEqual(deferred.records(), full.records());
    assert.deepEqual(deferred.scanSummary(), full.scanSummary());
    assert.equal(deferred.indexedFiles().filter((f) => full.fileResult(f)?.parsed !== deferred.fileResult(f)?.parsed).length, 0);
  });

  it('deferParses: a cleanup command parses the waiting files only when the value to keep is a code default', () => {
    const { full, deferred, waiting } = fullAndDeferred(root);
    const served = full.records().find((r) => r.winner.kind === 'value' && deferred.record(r.key));
    assert.ok(served, 'the fixture has a flag served one value');
    assert.equal(deferred.cleanupCommand(served.key), full.cleanupCommand(served.key));
    assert.deepEqual(waiting.filter((f) => deferred.fileResult(f)?.parsed), [], 'a served value parses nothing');
    const codeDefault = full.records().find((r) => r.winner.kind === 'code-default' && r.usages.length > 0);
    assert.ok(codeDefault, 'the fixture has a disabled or missing flag');
    assert.equal(deferred.cleanupCommand(codeDefault.key), full.cleanupCommand(codeDefault.key));
    assert.deepEqual(waiting.filter((f) => !deferred.fileResult(f)?.parsed), [], 'a code default is taken from every read');
  });

  it('records with another expiry window (a rule option) leave the config window alone', () => {
    const session = createSession({ config: loadConfig(root), now: NOW });
    session.indexAllSync();
    session.loadSourcesSync();
    const key = session.records().find((r) => r.daysToExpiry !== undefined && r.daysToExpiry > 0 && r.status === 'expiring')?.key;
    assert.ok(key, 'the fixture has an expiring flag');
    const days = session.record(key)!.daysToExpiry!;
    assert.equal(session.record(key, { warnBeforeExpiryDays: days - 1 })?.status, 'active');
    assert.equal(session.record(key)?.status, 'expiring');
    const check = session.record(key)!.usages[0];
    if (check) assert.equal(session.recordForCheck(check, { warnBeforeExpiryDays: days - 1 })?.status, 'active');
  });

  it('dead ranges are what the cleanup removes: the branch the winning value never takes', async () => {
    const session = createSession({ config: loadConfig(root), now: NOW });
    session.indexAllSync();
    session.loadSourcesSync();
    const file = `${root}/src/checkout/CheckoutPage.tsx`;
    const text = fs.readFileSync(file, 'utf8');
    const dead = await session.deadRanges(file, 'new-checkout', true);
    assert.deepEqual(dead.map((r) => text.slice(r.start, r.end)), ['return <LegacyCheckout />;']);
    const off = await session.deadRanges(file, 'new-checkout', false);
    assert.deepEqual(off.map((r) => text.slice(r.start, r.end)), ['{\n    return <OnePageCheckout />;\n  }']);
  });

  it('suggests one cleanup command per record', () => {
    const { cleanupCommandFor } = require('../../src/session') as typeof import('../../src/session');
    const session = createSession({ config: loadConfig(root), now: NOW });
    session.indexAllSync();
    session.loadSourcesSync();
    assert.equal(cleanupCommandFor(session.record('new-checkout')!), 'flagsweep cleanup new-checkout --value true');
  });
});

/** The same project indexed in full and with deferParses (as the ESLint plugin does), and the files still waiting. */
function fullAndDeferred(root: string) {
  const full = createSession({ config: loadConfig(root), now: NOW });
  full.indexAllSync();
  full.loadSourcesSync();
  const deferred = createSession({ config: loadConfig(root), now: NOW, deferParses: true, skipUnchangedUpdates: true });
  deferred.indexAllSync();
  deferred.loadSourcesSync();
  const waiting = deferred.indexedFiles().filter((f) => full.fileResult(f)?.parsed && !deferred.fileResult(f)?.parsed);
  assert.ok(waiting.length > 0, 'some files wait for their parse');
  return { full, deferred, waiting };
}
