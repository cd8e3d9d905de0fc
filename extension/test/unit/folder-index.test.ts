import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FolderIndex } from '../../src/engine/folder-index';

const FIXTURE = path.resolve(__dirname, '../../../test-fixtures/vscode-checkout');
const NOW = new Date(Date.UTC(2026, 10, 22));

describe('FolderIndex (the workspace index behind every provider)', () => {
  let root: string;
  let index: FolderIndex;
  const unsaved = new Map<string, string>();
  const readFile = (f: string) => unsaved.get(f) ?? (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-index-'));
    fs.cpSync(FIXTURE, root, { recursive: true });
    unsaved.clear();
    index = new FolderIndex({ root, readFile, now: NOW });
    await Promise.all([index.indexAll(), index.loadStates({ env: {}, offline: true })]);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds records for the fixture: statuses as the lifecycle core decides them', () => {
    const statuses = Object.fromEntries(index.records().map((r) => [r.key, r.status]));
    assert.deepEqual(statuses, {
      'beta-reports': 'missing',
      'dark-mode': 'expiring',
      'legacy-banner': 'stale',
      'new-checkout': 'expired',
      newNav: 'active',
      'search-v2': 'active',
    });
  });

  it("reuses the scan cache a CLI run left (node_modules/.cache/flagsweep), with the open documents' unsaved text on top", async () => {
    const { spawnSync } = await import('node:child_process');
    const cli = path.resolve(__dirname, '../../../analyzer/dist/cli/main.js');
    const run = spawnSync(process.execPath, [cli, 'scan', '--cache', '--format', 'json', '--now', '2026-11-22'], { cwd: root, encoding: 'utf8' });
    assert.ok(fs.existsSync(path.join(root, 'node_modules/.cache/flagsweep')), run.stderr);
    const banner = `${root}/src/banner.ts`;
    const text = fs.readFileSync(banner, 'utf8').replace("isEnabled('legacy-banner')", "isEnabled('legacy-banner-v2')");
    const cached = new FolderIndex({ root, readFile, openText: (f) => (f === banner ? text : undefined), now: NOW });
    await Promise.all([cached.indexAll(), cached.loadStates({ env: {}, offline: true })]);
    const session = (cached as unknown as { session: { cache?: { stats: { reused: number } } } }).session;
    assert.ok((session.cache?.stats.reused ?? 0) > 0, 'files no editor holds come from the cache');
    const keys = cached.records().map((r) => r.key).sort();
    assert.ok(keys.includes('legacy-banner-v2'), keys.join(', '));
    assert.deepEqual(keys.filter((k) => k !== 'legacy-banner-v2' && k !== 'legacy-banner'), index.records().map((r) => r.key).filter((k) => k !== 'legacy-banner').sort());
  });

  it('answers the open file first: records for it before the folder is indexed, the rest filled in after', async () => {
    const fresh = new FolderIndex({ root, readFile, now: NOW });
    await fresh.loadStates({ env: {}, offline: true });
    const banner = `${root}/src/banner.ts`;
    fresh.indexFirst([{ file: banner, text: readFile(banner)! }, { file: `${root}/node_modules/x/index.ts`, text: "unleash.isEnabled('x')" }]);
    assert.deepEqual(fresh.records().filter((r) => r.usages.length > 0).map((r) => r.key), ['legacy-banner']);
    assert.equal(fresh.record('legacy-banner')?.status, 'stale');
    assert.equal(fresh.fileEntry(`${root}/node_modules/x/index.ts`), undefined, 'a file the config does not cover is not scanned');
    const seen: [number, number][] = [];
    await fresh.indexAll((done, total) => seen.push([done, total]));
    assert.deepEqual(fresh.records(), index.records());
    assert.deepEqual(seen[0], [0, seen.at(-1)![1]], 'progress starts at 0 of the listed total');
    assert.equal(seen.at(-1)![0], seen.at(-1)![1], 'and ends with every file done');
  });

  it('stops indexing when cancelled', async () => {
    const fresh = new FolderIndex({ root, readFile, now: NOW });
    await fresh.indexAll(undefined, () => true);
    assert.equal(fresh.indexed, false);
    assert.equal(fresh.fileCount, 0);
  });

  it('maps a camelCase hook member to its source key', () => {
    const file = `${root}/src/search/SearchBox.tsx`;
    const check = index.fileEntry(file)!.checks[0];
    assert.equal(check.key, 'searchV2');
    assert.equal(index.recordForCheck(check)?.key, 'search-v2');
  });

  it('re-scans one changed file with unsaved text', () => {
    const file = `${root}/src/reports.ts`;
    unsaved.set(file, readFile(file) + "\nexport const again = () => client.getBooleanValue('beta-reports', true);\n");
    assert.deepEqual(index.updateFile(file, unsaved.get(file)), [file]);
    assert.equal(index.record('beta-reports')?.usages.length, 2);
  });

  it('re-scans files that import keys when a declaration changes', () => {
    const flags = `${root}/src/flags.ts`;
    const changed = index.updateFile(flags, readFile(flags)!.replace("NEW_CHECKOUT = 'new-checkout'", "NEW_CHECKOUT = 'new-checkout-v2'"));
    assert.ok(changed.includes(`${root}/src/checkout/summary.ts`), changed.join(', '));
  });

  it('re-reads only local flag files, with unsaved text', async () => {
    const flagd = `${root}/flags.flagd.json`;
    unsaved.set(flagd, readFile(flagd)!.replace('"defaultVariant": "on"', '"defaultVariant": "off"'));
    await index.loadStates({ env: {}, offline: true, localOnly: true });
    assert.deepEqual(index.record('new-checkout')?.winner, { kind: 'value', value: false, variant: 'off' });
  });

  it('collects malformed annotations and flag-file errors, each once, with positions', async () => {
    assert.deepEqual(index.problems().sources, []);
    assert.deepEqual(index.problems().annotations.flatMap((a) => a.problems), []);
    const flags = `${root}/src/flags.ts`;
    index.updateFile(flags, readFile(flags)!.replace('/** @flag new-checkout */', '/** @flag new-checkout\n * @expires 2026-13-01 */'));
    const flagd = `${root}/flags.flagd.json`;
    unsaved.set(flagd, readFile(flagd)!.replace('"defaultVariant": "on"', '"defaultVariant": on'));
    await index.loadStates({ env: {}, offline: true, localOnly: true });
    const problems = index.problems();
    const annotationProblems = problems.annotations.flatMap((a) => a.problems.map((p) => ({ file: a.file, line: p.range.line, message: p.message })));
    assert.equal(annotationProblems.length, 1, JSON.stringify(annotationProblems));
    assert.deepEqual([annotationProblems[0].file, annotationProblems[0].line], [flags, 4]);
    assert.match(annotationProblems[0].message, /^@expires .*2026-13-01/);
    assert.equal(problems.sources.length, 1);
    assert.equal(problems.sources[0].where, flagd);
    assert.match(problems.sources[0].message, /invalid JSON at line \d+, column \d+/);
  });

  it('admits new files the config covers and nothing it excludes', async () => {
    fs.mkdirSync(`${root}/node_modules/sdk`, { recursive: true });
    fs.writeFileSync(`${root}/node_modules/sdk/index.ts`, "useFlag('x')");
    fs.writeFileSync(`${root}/src/new.ts`, "import { OpenFeature } from '@openfeature/web-sdk';\nOpenFeature.getClient().getBooleanValue('dark-mode', false);\n");
    assert.equal(await index.admit(`${root}/node_modules/sdk/index.ts`), false);
    assert.equal(await index.admit(`${root}/src/new.ts`), true);
    index.updateFile(`${root}/src/new.ts`);
    assert.equal(index.record('dark-mode')?.usages.length, 2);
  });
});
