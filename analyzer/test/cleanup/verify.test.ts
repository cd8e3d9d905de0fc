import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanupFlag, minimalEdits, verifyChanges, type FileChange } from '../../src/cleanup';
import { loadConfig } from '../../src/config';

/** A scratch project: `files` maps relative paths to text. A `.git` folder bounds the tsconfig search. */
function project(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-verify-')));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', noEmit: true, types: [] }, include: ['src'] });

function change(dir: string, rel: string, after: string): FileChange {
  const file = path.join(dir, rel);
  const before = fs.readFileSync(file, 'utf8');
  return { file, before, after, edits: minimalEdits(before, after), linesRemoved: 0 };
}

/** `src/page.ts:2 TS2339` for each diagnostic: file relative to the project, line, code. */
function located(dir: string, diagnostics: readonly { file: string; line: number; code: number }[]): string[] {
  return diagnostics.map((d) => `${path.relative(dir, d.file)}:${d.line} TS${d.code}`);
}

function verify(dir: string, changes: FileChange[]) {
  const files = fs.readdirSync(path.join(dir, 'src'), { recursive: true }).map((f) => path.join(dir, 'src', String(f))).filter((f) => fs.statSync(f).isFile());
  return verifyChanges(changes, { root: dir, projectFiles: files, textOf: (f) => fs.readFileSync(f, 'utf8') });
}

describe('cleanup verification (type-check before and after, in memory)', function () {
  this.timeout(60000);
  const dirs: string[] = [];
  const scratch = (files: Record<string, string>): string => {
    const dir = project(files);
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('reports a diagnostic the change adds (TS2741, an entry removed from a typed object) with file, 1-based line and column', () => {
    const dir = scratch({
      'tsconfig.json': TSCONFIG,
      'src/flags.ts': 'export interface Flags {\n  checkout: boolean;\n  search: boolean;\n}\nexport const flags: Flags = { checkout: true, search: false };\n',
    });
    const v = verify(dir, [change(dir, 'src/flags.ts', 'export interface Flags {\n  checkout: boolean;\n  search: boolean;\n}\nexport const flags: Flags = { search: false };\n')]);
    assert.equal(v.mode, 'types');
    assert.deepEqual(v.tsconfigs, [path.join(dir, 'tsconfig.json')]);
    assert.equal(v.newDiagnostics.length, 1);
    const [d] = v.newDiagnostics;
    assert.equal(d.file, path.join(dir, 'src/flags.ts'));
    assert.equal(d.code, 2741);
    assert.equal(d.line, 5);
    assert.equal(d.column, 14);
    assert.match(d.message, /Property 'checkout' is missing/);
  });

  it('checks the direct importers of a changed file: an export the change removes breaks its importer', () => {
    const dir = scratch({
      'tsconfig.json': TSCONFIG,
      'src/flags.ts': 'export const isNewSearch = (): boolean => true;\nexport const other = 1;\n',
      'src/page.ts': "import { isNewSearch } from './flags';\nexport const title = isNewSearch() ? 'a' : 'b';\n",
      'src/unrelated.ts': 'export const x = 1;\n',
    });
    const v = verify(dir, [change(dir, 'src/flags.ts', 'export const other = 1;\n')]);
    assert.deepEqual(v.checkedFiles, [path.join(dir, 'src/flags.ts'), path.join(dir, 'src/page.ts')]);
    assert.equal(v.newDiagnostics.length, 1);
    assert.equal(v.newDiagnostics[0].file, path.join(dir, 'src/page.ts'));
    assert.equal(v.newDiagnostics[0].code, 2305);
  });

  it('lists a new diagnostic once when the changed file also imports another changed file whose exports changed', () => {
    const dir = scratch({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noUnusedLocals: true, module: 'ESNext', moduleResolution: 'Bundler', noEmit: true, types: [] }, include: ['src'] }),
      'src/flags.ts': 'export const isBeta = (): boolean => true;\nexport const other = 1;\n',
      'src/page.ts': "import { isBeta, other } from './flags';\nexport function title(): number {\n  const n = other + 1;\n  return isBeta() && n > 1 ? 1 : 0;\n}\n",
    });
    const v = verify(dir, [
      change(dir, 'src/flags.ts', 'export const other = 1;\n'),
      change(dir, 'src/page.ts', "import { other } from './flags';\nexport function title(): number {\n  const n = other + 1;\n  return 0;\n}\n"),
    ]);
    assert.deepEqual(located(dir, v.newDiagnostics), ['src/page.ts:3 TS6133']);
  });

  it('when a file only lost members or exports (an enum member), checks only the importers that name what went', () => {
    const dir = scratch({
      'tsconfig.json': TSCONFIG,
      'src/flags.ts': "export enum FeatureFlag {\n  CHECKOUT = 'CHECKOUT',\n  SEARCH = 'SEARCH',\n}\n",
      'src/page.ts': "import { FeatureFlag } from './flags';\nexport const on = FeatureFlag.SEARCH;\n",
      'src/pins.ts': "import { FeatureFlag } from './flags';\nexport const pinned: Partial<Record<FeatureFlag, boolean>> = { SEARCH: true };\n",
      'src/other.ts': "import { FeatureFlag } from './flags';\nexport const all = Object.values(FeatureFlag);\n",
    });
    const v = verify(dir, [change(dir, 'src/flags.ts', "export enum FeatureFlag {\n  CHECKOUT = 'CHECKOUT',\n}\n")]);
    assert.deepEqual(v.checkedFiles.map((f) => path.relative(dir, f)), ['src/flags.ts', 'src/page.ts', 'src/pins.ts']);
    assert.deepEqual(located(dir, v.newDiagnostics), ['src/page.ts:2 TS2339', 'src/pins.ts:2 TS2353']);
  });

  it('when an export changed rather than went (a narrower return type), checks every importer', () => {
    const dir = scratch({
      'tsconfig.json': TSCONFIG,
      'src/label.ts': "declare const on: boolean;\nexport const label = (): 'a' | 'b' => (on ? 'a' : 'b');\n",
      'src/page.ts': "import { label } from './label';\nexport const isB = label() === 'b';\n",
      'src/other.ts': "import { label } from './label';\nexport const l = label;\n",
    });
    const v = verify(dir, [change(dir, 'src/label.ts', "export const label = (): 'a' => 'a';\n")]);
    assert.deepEqual(v.checkedFiles.map((f) => path.relative(dir, f)), ['src/label.ts', 'src/other.ts', 'src/page.ts']);
    assert.deepEqual(located(dir, v.newDiagnostics), ['src/page.ts:2 TS2367']);
  });

  it('finds importers through tsconfig paths aliases and index modules, and not through look-alike names', () => {
    const dir = scratch({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, types: [], module: 'ESNext', moduleResolution: 'Bundler', baseUrl: '.', paths: { '@app/*': ['src/*'] } }, include: ['src'] }),
      'src/menu/index.ts': 'export const items: string[] = [];\n',
      'src/flags.ts': 'export const on = true;\n',
      'src/a.ts': "import { on } from '@app/flags';\nexport const a = on;\n",
      'src/b.ts': "import { items } from './menu';\nexport const b = items;\n",
      'src/other/flags.ts': 'export const on = 1;\n',
      'src/c.ts': "import { on } from './other/flags';\nexport const c = on;\n",
    });
    const v = verify(dir, [change(dir, 'src/flags.ts', 'export const on = false;\n'), change(dir, 'src/menu/index.ts', 'export const items: number[] = [];\n')]);
    assert.deepEqual(v.checkedFiles, ['src/a.ts', 'src/b.ts', 'src/flags.ts', 'src/menu/index.ts'].map((f) => path.join(dir, f)));
    assert.deepEqual(v.newDiagnostics, []);
  });

  it("type-checks against TypeScript's lib files (read from the typescript package's lib folder): a string is not a number, document is known", () => {
    const dir = scratch({
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, types: [], lib: ['es2022', 'dom'] }, include: ['src'] }),
      'src/a.ts': "export const n: number = 'abc'.length;\n",
    });
    const v = verify(dir, [change(dir, 'src/a.ts', "export const n: number = 'abc'.toUpperCase();\nexport const t: string = document.title;\n")]);
    assert.deepEqual(
      v.newDiagnostics.map((d) => `${d.line}:${d.column} TS${d.code} ${d.message}`),
      ["1:14 TS2322 Type 'string' is not assignable to type 'number'."],
    );
  });

  it("checks importers only of files whose exports changed shape (a body edit that keeps every export's type is not)", () => {
    const dir = scratch({
      'tsconfig.json': TSCONFIG,
      'src/panel.ts': 'export interface PanelProps {\n  title: string;\n  legacy: boolean;\n}\nexport function panel(p: PanelProps): string {\n  return p.legacy ? p.title : p.title.toUpperCase();\n}\n',
      'src/page.ts': "import { panel, type PanelProps } from './panel';\nconst props: PanelProps = { title: 'a', legacy: false };\nexport const page = panel(props);\n",
    });
    const body = verify(dir, [change(dir, 'src/panel.ts', 'export interface PanelProps {\n  title: string;\n  legacy: boolean;\n}\nexport function panel(p: PanelProps): string {\n  return p.title.toUpperCase();\n}\n')]);
    assert.deepEqual(body.checkedFiles, [path.join(dir, 'src/panel.ts')]);
    assert.deepEqual(body.newDiagnostics, []);
    const member = verify(dir, [change(dir, 'src/panel.ts', 'export interface PanelProps {\n  title: string;\n}\nexport function panel(p: PanelProps): string {\n  return p.title.toUpperCase();\n}\n')]);
    assert.deepEqual(member.checkedFiles, [path.join(dir, 'src/page.ts'), path.join(dir, 'src/panel.ts')]);
    assert.deepEqual(member.newDiagnostics.map((d) => `${path.basename(d.file)}:${d.line} TS${d.code}`), ['page.ts:2 TS2353']);
    const params = verify(dir, [change(dir, 'src/panel.ts', 'export interface PanelProps {\n  title: string;\n  legacy: boolean;\n}\nexport function panel(): string {\n  return "x";\n}\n')]);
    assert.deepEqual(params.newDiagnostics.map((d) => `${path.basename(d.file)}:${d.line} TS${d.code}`), ['page.ts:3 TS2554']);
  });

  it('compares sets, never demands zero: unresolved packages (no node_modules) give the same errors before and after', () => {
    const dir = scratch({
      'tsconfig.json': TSCONFIG,
      'src/app.ts': "import { useFlag } from '@acme/flags';\nexport const on: boolean = useFlag('x') ? true : false;\n",
    });
    const v = verify(dir, [change(dir, 'src/app.ts', "import { useFlag } from '@acme/flags';\nexport const on: boolean = true;\nvoid useFlag;\n")]);
    assert.equal(v.mode, 'types');
    assert.deepEqual(v.newDiagnostics, []);
  });

  it('counts a second identical diagnostic as new (multiset, not set)', () => {
    const dir = scratch({ 'tsconfig.json': TSCONFIG, 'src/a.ts': "export const a: number = 'x';\n" });
    const v = verify(dir, [change(dir, 'src/a.ts', "export const a: number = 'x';\nexport const b: number = 'x';\n")]);
    assert.equal(v.newDiagnostics.length, 1);
    assert.equal(v.newDiagnostics[0].line, 2);
    assert.equal(v.newDiagnostics[0].code, 2322);
  });

  it('without a tsconfig re-parses only, and says so (mode "syntax")', () => {
    const dir = scratch({ 'src/a.js': 'export const a = 1;\n' });
    const ok = verify(dir, [change(dir, 'src/a.js', 'export const a = 2;\n')]);
    assert.equal(ok.mode, 'syntax');
    assert.deepEqual(ok.syntaxOnlyFiles, [path.join(dir, 'src/a.js')]);
    assert.deepEqual(ok.newDiagnostics, []);
    const broken = verify(dir, [change(dir, 'src/a.js', 'export const a = (1;\n')]);
    assert.equal(broken.newDiagnostics.length, 1);
  });

  it('follows a solution-style tsconfig to the referenced project that includes the file, and its `extends`', () => {
    const dir = scratch({
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './tsconfig.app.json' }] }),
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { strict: true, noUnusedLocals: true, types: [], module: 'ESNext', moduleResolution: 'Bundler' } }),
      'tsconfig.app.json': JSON.stringify({ extends: './tsconfig.base.json', include: ['src'] }),
      'src/a.ts': 'const helper = 1;\nexport const a = helper;\n',
    });
    const v = verify(dir, [change(dir, 'src/a.ts', 'const helper = 1;\nexport const a = 2;\n')]);
    assert.deepEqual(v.tsconfigs, [path.join(dir, 'tsconfig.app.json')]);
    assert.equal(v.newDiagnostics.length, 1);
    assert.equal(v.newDiagnostics[0].code, 6133, 'noUnusedLocals came through extends');
  });

  describe('cleanupFlag({ verify })', () => {
    const files = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noUnusedParameters: true, types: [], module: 'ESNext', moduleResolution: 'Bundler' }, include: ['src'] }),
      'flagsweep.config.json': JSON.stringify({ sdks: [], patterns: [{ call: 'client.isEnabled', default: 1 }] }),
      'src/client.ts': 'export const client = { isEnabled: (key: string, fallback: boolean): boolean => fallback };\n',
      'src/price.ts': "import { client } from './client';\n\nexport function price(rate: number, amount: number): number {\n  return client.isEnabled('new-pricing', false) ? amount * rate : amount;\n}\n",
    };

    it('is off by default (mode "skipped"): dry runs such as the debt report stay cheap', async () => {
      const dir = scratch(files);
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'new-pricing', value: false, scope: { kind: 'project' } });
      assert.equal(r.verification.mode, 'skipped');
      assert.deepEqual(r.errors, []);
    });

    it('a cleanup that adds a diagnostic is an error of kind "verification" naming file:line:col TSxxxx', async () => {
      const dir = scratch(files);
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'new-pricing', value: false, scope: { kind: 'project' }, verify: true });
      assert.equal(r.verification.mode, 'types');
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0].kind, 'verification');
      // The unused import of client went too, so the function now starts the file.
      assert.match(r.errors[0].message, /^src\/price\.ts:1:23 TS6133 'rate' is declared but its value is never read\.$/);
      assert.ok(r.verification.durationMs >= 0);
    });

    it('a cleanup that adds none passes, and each change carries what the disk held when it was read', async () => {
      const dir = scratch(files);
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'new-pricing', value: true, scope: { kind: 'project' }, verify: true });
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.verification.newDiagnostics, []);
      assert.deepEqual(r.verification.checkedFiles, [path.join(dir, 'src/price.ts')]);
      const [c] = r.files;
      const stat = fs.statSync(c.file);
      assert.equal(c.read?.size, stat.size);
      assert.equal(c.read?.mtimeMs, stat.mtimeMs);
      assert.match(c.read?.sha256 ?? '', /^[0-9a-f]{64}$/);
    });
  });

  describe('what the default reader refuses or keeps', () => {
    const config = JSON.stringify({ sdks: [], patterns: [{ call: 'client.isEnabled', default: 1 }] });

    it('a file that is not valid UTF-8 is refused (kind "read"), never re-encoded', async () => {
      const dir = scratch({ 'flagsweep.config.json': config });
      const latin1 = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from("\nexport const on = client.isEnabled('x', false) ? 1 : 2;\n")]);
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src/a.ts'), latin1);
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'x', value: true, scope: { kind: 'project' } });
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0].kind, 'read');
      assert.match(r.errors[0].message, /src\/a\.ts: not valid UTF-8; flagsweep never re-encodes a file/);
    });

    it('a FIFO named tsconfig.json is no tsconfig (TypeScript would wait on it for good): syntax-only verification', async () => {
      const dir = scratch({ 'flagsweep.config.json': config, 'src/a.ts': "export const label = client.isEnabled('x', false) ? 'new' : 'old';\n" });
      execFileSync('mkfifo', [path.join(dir, 'tsconfig.json')]);
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'x', value: true, scope: { kind: 'project' }, verify: true });
      assert.deepEqual(r.errors, []);
      assert.equal(r.verification.mode, 'syntax');
    });

    it('a FIFO named as the file to clean is not read (it would block): a "read" error at once', async () => {
      const dir = scratch({ 'flagsweep.config.json': config });
      fs.mkdirSync(path.join(dir, 'src'));
      execFileSync('mkfifo', [path.join(dir, 'src/a.ts')]);
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'x', value: true, scope: { kind: 'file', file: 'src/a.ts' } });
      assert.deepEqual(r.errors.map((e) => [e.kind, e.message.replace(dir, '<dir>')]), [['read', '<dir>/src/a.ts: cannot read file']]);
    });

    it('a UTF-16 file reading the flag is found and refused (kind "read"): its read is never left behind unseen', async () => {
      const dir = scratch({ 'flagsweep.config.json': config, 'src/b.ts': "export const b = client.isEnabled('x', false) ? 1 : 2;\n" });
      fs.writeFileSync(path.join(dir, 'src/a.ts'), Buffer.from("\uFEFFexport const on = client.isEnabled('x', false) ? 1 : 2;\n", 'utf16le'));
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'x', value: true, scope: { kind: 'project' } });
      assert.equal(r.stats.checksFound, 2);
      assert.deepEqual(r.errors.map((e) => [e.kind, e.message.replace(dir, '<dir>')]), [['read', '<dir>/src/a.ts: UTF-16; flagsweep never re-encodes a file: convert it to UTF-8 or remove the flag there by hand']]);
    });

    it('a flag read nested too deep for TypeScript (generated code) is a "parse" error naming the file, not a crash', async () => {
      const deep = 20_000;
      const dir = scratch({ 'flagsweep.config.json': config, 'src/generated.ts': `export const on = ${'('.repeat(deep)}client.isEnabled('x', false)${')'.repeat(deep)};\n` });
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'x', value: true, scope: { kind: 'project' } });
      assert.deepEqual(r.errors.map((e) => [e.kind, e.message.replace(dir, '<dir>')]), [
        ['parse', "<dir>/src/generated.ts: code nested too deep for TypeScript's parser (Maximum call stack size exceeded); exclude generated files in the config"],
      ]);
    });

    it('an importer nested too deep for the type check: a "parse" error, nothing is written unverified', async () => {
      const deep = 20_000;
      const dir = scratch({
        'flagsweep.config.json': config,
        'tsconfig.json': TSCONFIG,
        'src/client.ts': 'export const client = { isEnabled: (key: string, fallback: boolean): boolean => key.length > 0 || fallback };\n',
        // The export's type changes ('new' | 'old' → 'new'), so its importers are type-checked too.
        'src/price.ts': "import { client } from './client';\nexport const label = client.isEnabled('new-pricing', false) ? 'new' : 'old';\n",
        'src/generated.ts': `import { label } from './price';\nexport const shown = ${'('.repeat(deep)}label${')'.repeat(deep)};\n`,
      });
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'new-pricing', value: true, scope: { kind: 'project' }, verify: true });
      assert.deepEqual(r.errors.map((e) => [e.kind, e.message]), [
        ['parse', "the type check could not run: code nested too deep for TypeScript's parser (Maximum call stack size exceeded); exclude generated files in the config; nothing is written unverified"],
      ]);
    });

    it('a byte-order mark and CRLF line ends stay as they are', async () => {
      const dir = scratch({
        'flagsweep.config.json': config,
        'src/a.ts': "\uFEFF// header\r\nexport const label = client.isEnabled('x', false) ? 'new' : 'old';\r\nexport const other = 1;\r\n",
      });
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'x', value: true, scope: { kind: 'project' } });
      assert.deepEqual(r.errors, []);
      assert.equal(r.files[0].after, "\uFEFF// header\r\nexport const label = 'new';\r\nexport const other = 1;\r\n");
    });

    it('a file that does not parse is an error of kind "parse" with its position (not line 0)', async () => {
      const dir = scratch({ 'flagsweep.config.json': config, 'src/a.ts': "export const on = client.isEnabled('x', false) ? (1 : 2;\n" });
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'x', value: true, scope: { kind: 'project' } });
      assert.equal(r.errors[0].kind, 'parse');
      assert.equal(r.errors[0].line, 1);
      assert.ok((r.errors[0].column ?? 0) > 1);
    });
  });
});

describe('cleanup under the classic JSX transform (test-fixtures/cleanup-classic-jsx-keeps-react)', function () {
  this.timeout(60000);
  it("keeps `import * as React` while the file has JSX, though no identifier names React any more, and the project still type-checks", async () => {
    const { copyFixtureProject } = await import('./helpers');
    const dir = copyFixtureProject('cleanup-classic-jsx-keeps-react');
    try {
      const r = await cleanupFlag({ config: loadConfig(dir), key: 'volumeSummaryPage', value: false, scope: { kind: 'project' }, verify: true });
      assert.deepEqual(r.errors, []);
      assert.equal(r.verification.newDiagnostics.length, 0);
      const after = r.files.find((f) => f.file.endsWith('VolumeDetails.tsx'))!.after;
      assert.match(after, /^import \* as React from 'react';/);
      assert.doesNotMatch(after, /useEffect|volumeSummaryPage|useFlags/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
