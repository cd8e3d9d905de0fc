import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveConfig, type ResolvedConfig } from '../../src/config';
import { listSourceFiles, listSourceFilesSync, listWithFastGlob } from '../../src/detect/files';
import { isPlainPattern } from '../../src/detect/walk';
import { ageFolders, countingMemo as memo } from '../cache/project';

/** A link, a FIFO or a folder in a tree spec; any other value is a file's text. */
type Node = string | { link: string } | 'fifo' | 'folder';

describe('detect: the folder walker lists what fast-glob lists', () => {
  let root: string;
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-walk-')));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function tree(spec: Record<string, Node>): void {
    for (const [rel, node] of Object.entries(spec)) {
      const at = path.join(root, rel);
      fs.mkdirSync(node === 'folder' ? at : path.dirname(at), { recursive: true });
      if (node === 'fifo') execFileSync('mkfifo', [at]);
      else if (typeof node === 'object') fs.symlinkSync(node.link, at);
      else if (node !== 'folder') fs.writeFileSync(at, node);
    }
  }

  function config(raw: Record<string, unknown> = {}): ResolvedConfig {
    return resolveConfig(raw, root);
  }

  const rel = (files: string[]): string[] => files.map((f) => path.posix.relative(root, f));

  /** The walker's listing, sync and async, checked against fast-glob's; root-relative. */
  async function listed(cfg: ResolvedConfig, paths?: string[]): Promise<string[]> {
    assert.ok([...cfg.include, ...cfg.exclude].every(isPlainPattern), 'the walker lists these patterns');
    const oracle = await listWithFastGlob(cfg, paths);
    assert.deepEqual(listSourceFilesSync(cfg, paths), oracle, 'listSourceFilesSync');
    assert.deepEqual(await listSourceFiles(cfg, paths), oracle, 'listSourceFiles');
    return rel(oracle);
  }

  const MONOREPO: Record<string, Node> = {
    'index.ts': '',
    'README.md': '',
    'src/a.ts': '',
    'src/b.tsx': '',
    'src/types.d.ts': '',
    'src/vendor.min.js': '',
    'src/deep/er/still/c.mjs': '',
    'src/node_modules/pkg/index.js': '',
    'node_modules/pkg/index.ts': '',
    'node_modules/pkg/node_modules/inner/index.ts': '',
    'packages/app/src/d.cts': '',
    'packages/app/node_modules/lib/e.ts': '',
    'packages/app/dist/f.js': '',
    'packages/app/build/g.js': '',
    'packages/app/coverage/h.js': '',
    'packages/app/out/i.js': '',
    'packages/app/distant/j.ts': '',
  };

  it('the default config: nested folders, node_modules at several depths, dist, build, out, coverage, .d.ts and .min.js', async () => {
    tree(MONOREPO);
    assert.deepEqual(await listed(config()), ['index.ts', 'packages/app/distant/j.ts', 'packages/app/src/d.cts', 'src/a.ts', 'src/b.tsx', 'src/deep/er/still/c.mjs']);
  });

  it('entries whose name starts with a dot are not listed, and dot folders are not read', async () => {
    tree({ ...MONOREPO, '.eslintrc.js': '', 'src/.z.ts': '', '.cache/x.ts': '', 'src/.hidden/y.ts': '', 'src/.hidden/deeper/z.ts': '', '.git/hooks/pre-commit.js': '' });
    const listing = await listed(config());
    assert.deepEqual(listing, ['index.ts', 'packages/app/distant/j.ts', 'packages/app/src/d.cts', 'src/a.ts', 'src/b.tsx', 'src/deep/er/still/c.mjs']);
    const read = walkedFolders(config());
    assert.ok(read.includes('') && read.includes('src/deep/er/still'), read.join(', '));
    assert.deepEqual(
      read.filter((d) => d.split('/').some((s) => s.startsWith('.') || s === 'node_modules' || s === 'dist')),
      [],
    );
  });

  it('.gitignore files at several depths apply with gitignore on, not with it off; one inside a dot folder is never found', async () => {
    tree({
      '.gitignore': 'generated/\n',
      'src/.gitignore': '*.gen.ts\n',
      'src/deep/.gitignore': 'local.ts\n',
      '.config/.gitignore': 'src/\n',
      'src/a.ts': '',
      'src/b.gen.ts': '',
      'src/generated/c.ts': '',
      'src/deep/local.ts': '',
      'src/deep/kept.ts': '',
      'lib/local.ts': '',
    });
    assert.deepEqual(await listed(config()), ['lib/local.ts', 'src/a.ts', 'src/deep/kept.ts']);
    assert.deepEqual(await listed(config({ gitignore: false })), ['lib/local.ts', 'src/a.ts', 'src/b.gen.ts', 'src/deep/kept.ts', 'src/deep/local.ts', 'src/generated/c.ts']);
  });

  it('a .gitignore that an exclude pattern matches is left out with its rules (fast-glob matches exclude patterns with dot: true)', async () => {
    tree({ 'src/.gitignore': 'gen/\n', 'src/a.ts': '', 'src/gen/b.ts': '', 'src/sub/c.ts': '' });
    assert.deepEqual(await listed(config()), ['src/a.ts', 'src/sub/c.ts']);
    assert.deepEqual(await listed(config({ exclude: ['src/*'] })), ['src/gen/b.ts', 'src/sub/c.ts']);
  });

  it('an include with a base folder several levels deep: .gitignore files above it, at it and below it apply; other packages are not read', async () => {
    tree({
      '.gitignore': 'generated/\n',
      'packages/.gitignore': 'legacy/\n',
      'packages/app/src/.gitignore': 'mocks/\n',
      'packages/app/src/sub/.gitignore': '*.local.ts\n',
      'packages/app/src/a.ts': '',
      'packages/app/src/generated/b.ts': '',
      'packages/app/src/legacy/c.ts': '',
      'packages/app/src/mocks/d.ts': '',
      'packages/app/src/sub/e.ts': '',
      'packages/app/src/sub/f.local.ts': '',
      'packages/app/test/g.ts': '',
      'packages/other/src/h.ts': '',
    });
    const cfg = config({ include: ['packages/app/src/**/*.ts'] });
    assert.deepEqual(await listed(cfg), ['packages/app/src/a.ts', 'packages/app/src/sub/e.ts']);
    assert.deepEqual(await listed({ ...cfg, gitignore: false }), [
      'packages/app/src/a.ts',
      'packages/app/src/generated/b.ts',
      'packages/app/src/legacy/c.ts',
      'packages/app/src/mocks/d.ts',
      'packages/app/src/sub/e.ts',
      'packages/app/src/sub/f.local.ts',
    ]);
    assert.ok(!walkedFolders(cfg).some((d) => d.startsWith('packages/other')));
  });

  it('links: one to a file is listed, one to a folder is neither read nor listed; loops and dangling links are dropped', async () => {
    tree({
      'src/real.ts': '',
      'src/link.ts': { link: 'real.ts' },
      'lib/inner.ts': '',
      'src/lib': { link: '../lib' },
      'src/folder.ts': { link: '../lib' },
      'src/loop': { link: '.' },
      'src/self.ts': { link: 'self.ts' },
      'src/dangling.ts': { link: 'nowhere.ts' },
    });
    assert.deepEqual(await listed(config()), ['lib/inner.ts', 'src/link.ts', 'src/real.ts']);
    assert.deepEqual(await listed(config({ include: ['src/**/*.ts'] })), ['src/link.ts', 'src/real.ts']);
  });

  it('a FIFO is not a file', async function () {
    tree({ 'src/a.ts': '' });
    try {
      execFileSync('mkfifo', [path.join(root, 'src/pipe.ts')]);
    } catch {
      this.skip();
    }
    assert.deepEqual(await listed(config()), ['src/a.ts']);
  });

  it('a folder that cannot be read is skipped (as root, where chmod does not stop reads, the listing just does not fail)', async () => {
    tree({ 'src/a.ts': '', 'src/locked/b.ts': '', 'src/locked/deeper/c.ts': '' });
    const locked = path.join(root, 'src/locked');
    fs.chmodSync(locked, 0o000);
    try {
      const listing = await listed(config());
      const readable = process.getuid?.() === 0 || canRead(locked);
      assert.deepEqual(listing, readable ? ['src/a.ts', 'src/locked/b.ts', 'src/locked/deeper/c.ts'] : ['src/a.ts']);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });

  it('brace patterns', async () => {
    tree({ 'src/a.ts': '', 'src/b.tsx': '', 'src/c.js': '', 'src/x/d.ts': '', 'lib/e.ts': '', 'app/f.ts': '', 'app/g.tsx': '' });
    assert.deepEqual(await listed(config({ include: ['src/**/*.{ts,tsx}'] })), ['src/a.ts', 'src/b.tsx', 'src/x/d.ts']);
    assert.deepEqual(await listed(config({ include: ['{src,lib}/**/*.ts'] })), ['lib/e.ts', 'src/a.ts', 'src/x/d.ts']);
    assert.deepEqual(await listed(config({ include: ['{src,app/{f,g}}*.ts{,x}'] })), ['app/f.ts', 'app/g.tsx']);
    assert.deepEqual(await listed(config({ include: ['{src/x,app}/*.{ts,tsx}'] })), ['app/f.ts', 'app/g.tsx', 'src/x/d.ts']);
  });

  it('several include patterns with overlapping base folders list each file once', async () => {
    tree({ 'src/a.ts': '', 'src/app/b.tsx': '', 'src/app/c.js': '', 'src/app/deep/d.ts': '', 'src/app/main.ts': '', 'src/lib/e.mjs': '' });
    const cfg = config({ include: ['src/**/*.ts', 'src/app/**/*.tsx', 'src/app/*.js', 'src/{app,lib}/**/*.mjs', 'src/app/main.ts', '**/deep/*.ts'] });
    assert.deepEqual(await listed(cfg), ['src/a.ts', 'src/app/b.tsx', 'src/app/c.js', 'src/app/deep/d.ts', 'src/app/main.ts', 'src/lib/e.mjs']);
  });

  it('exclude patterns: a folder anywhere, a file suffix, a folder below the root, one file', async () => {
    tree({
      'src/a.ts': '',
      'src/a.spec.ts': '',
      'src/x/b.ts': '',
      'src/deep/x/c.ts': '',
      'src/xx/d.ts': '',
      'src/legacy/e.ts': '',
      'src/legacy/old/f.ts': '',
      'lib/legacy/g.ts': '',
      'src/one-file.ts': '',
      'src/one-file.ts.bak/h.ts': '',
      'x/i.ts': '',
    });
    const cfg = config({ exclude: ['**/x/**', '**/*.spec.ts', 'src/legacy/**', 'src/one-file.ts'] });
    assert.deepEqual(await listed(cfg), ['lib/legacy/g.ts', 'src/a.ts', 'src/one-file.ts.bak/h.ts', 'src/xx/d.ts']);
  });

  it('an exclude naming a folder keeps it unread, except the folder a walk starts from (as fast-glob)', async () => {
    tree({ 'src/a.ts': '', 'src/sub/b.ts': '', 'c.ts': '' });
    assert.deepEqual(await listed(config({ include: ['src/**/*.ts'], exclude: ['src'] })), ['src/a.ts', 'src/sub/b.ts']);
    assert.deepEqual(await listed(config({ include: ['src/**/*.ts', '*.ts'], exclude: ['src'] })), ['c.ts']);
  });

  it('`paths` narrow the walked listing', async () => {
    tree(MONOREPO);
    assert.deepEqual(await listed(config(), ['src/deep']), ['src/deep/er/still/c.mjs']);
  });

  it('patterns outside the plain subset are listed by fast-glob', async () => {
    tree({ 'src/a.ts': '', 'src/b.tsx': '', 'src/sub/c.ts': '', 'src/.d.ts': '', 'lib/e.ts': '' });
    for (const [include, exclude, expected] of [
      [['./src/**/*.ts'], [], ['src/a.ts', 'src/sub/c.ts']],
      [['src/**/?.ts'], [], ['src/a.ts', 'src/sub/c.ts']],
      [['src/**/*.+(ts|tsx)'], ['**/sub/**'], ['src/a.ts', 'src/b.tsx']],
      [['src/**/*.ts'], ['./src/sub/**'], ['src/a.ts']],
    ] as const) {
      const cfg = config({ include, exclude });
      assert.ok(![...include, ...exclude].every(isPlainPattern), include[0]);
      const oracle = await listWithFastGlob(cfg);
      assert.deepEqual(rel(oracle), expected, include[0]);
      assert.deepEqual(listSourceFilesSync(cfg), oracle);
      assert.deepEqual(await listSourceFiles(cfg), oracle);
    }
  });

  it('which patterns are plain', () => {
    const plain = ['**/*.{ts,tsx}', 'src/**', 'packages/@scope/src/**/*.ts', 'src/one-file.ts', '{src,lib/{a,b}}/**/*.ts', '**/node_modules/**', 'a+b/*.ts'];
    for (const p of plain) assert.ok(isPlainPattern(p), p);
    const notPlain = [
      ...['./src/**', '/abs/**', '!src/**', '../up/**', 'src/../x', 'a\\b', '.github/**', 'src/.hidden/*.ts', '**/.eslintrc.js'],
      ...['src/?.ts', '*.+(ts|js)', 'src/[ab].ts', '{a}', '{.a,b}/*.ts', 'src/{1..3}.ts', 'src/', '{,}', '}{a,b}', ''],
    ];
    for (const p of notPlain) assert.ok(!isPlainPattern(p), p);
  });

  it('generated trees and patterns: the walker lists what fast-glob lists', async () => {
    const folder = fc.constantFrom('', 'src', 'lib', 'a', 'src/a', 'src/a/b', 'src/legacy', 'src/dist', 'lib/node_modules/p', 'dist', 'a/b/c', 'x.ts', '@s/src', '.hidden', 'src/.hidden');
    const leaf = fc.constantFrom('x.ts', 'y.tsx', 'z.d.ts', 'a.spec.ts', 'c.js', 'a', 'src', 'legacy', '.gitignore', '.h.ts');
    const node = fc.constantFrom<Node>('', '', '*.tsx\n', 'legacy/\n', 'a\n', 'folder', { link: 'x.ts' }, { link: '..' }, { link: 'nowhere' });
    const files = fc.array(fc.tuple(folder, leaf, node), { maxLength: 25 });
    const segment = fc.constantFrom('src', 'lib', 'a', 'legacy', '@s', 'dist', '*', '**', '**', '*.ts', '*.{ts,tsx}', '{src,lib}', 'a*', '{a,b/c}', 'x.ts', '*.d.ts', '{,a/}*.ts', '*.spec.ts');
    const pattern = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
    const exclude = fc.oneof(pattern, fc.constantFrom('**/dist/**', '**/legacy/**', 'src', 'src/legacy/**', '**/*.spec.ts', '**/a*', '**/node_modules'));
    const query = fc.record({ include: fc.array(pattern, { minLength: 1, maxLength: 3 }), exclude: fc.array(exclude, { maxLength: 3 }), gitignore: fc.boolean() });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(files, query, async (entries, raw) => {
        fc.pre([...raw.include, ...raw.exclude].every(isPlainPattern));
        const dir = path.join(root, `run-${run++}`);
        for (const [at, name, entry] of entries) create(path.join(dir, at, name), entry);
        const cfg = resolveConfig(raw, dir);
        assert.deepEqual(listSourceFilesSync(cfg), await listWithFastGlob(cfg));
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });

  describe('with the listing memo', () => {
    const age = (): void => ageFolders(root);

    it('a file added in a walked folder, deep or at the base, makes the next listing walk again', async () => {
      tree({ 'src/a.ts': '', 'src/deep/er/b.ts': '', 'node_modules/pkg/c.ts': '' });
      age();
      const cfg = config({ include: ['src/**/*.ts'] });
      const m = memo();
      assert.deepEqual(rel(listSourceFilesSync(cfg, undefined, m)), ['src/a.ts', 'src/deep/er/b.ts']);
      assert.deepEqual(rel(await listSourceFiles(cfg, undefined, m)), ['src/a.ts', 'src/deep/er/b.ts']);
      assert.equal(m.walks, 1);
      fs.writeFileSync(path.join(root, 'src/deep/er/new.ts'), '');
      assert.deepEqual(rel(await listSourceFiles(cfg, undefined, m)), ['src/a.ts', 'src/deep/er/b.ts', 'src/deep/er/new.ts']);
      assert.equal(m.walks, 2);
      age();
      listSourceFilesSync(cfg, undefined, m);
      fs.writeFileSync(path.join(root, 'src/top.ts'), '');
      assert.deepEqual(rel(listSourceFilesSync(cfg, undefined, m)), ['src/a.ts', 'src/deep/er/b.ts', 'src/deep/er/new.ts', 'src/top.ts']);
      assert.equal(m.walks, 4);
    });

    it('a base folder that does not exist yet is not remembered: once created, its files are listed', async () => {
      tree({ 'lib/a.ts': '' });
      age();
      const cfg = config({ include: ['src/**/*.ts'] });
      const m = memo();
      assert.deepEqual(listSourceFilesSync(cfg, undefined, m), []);
      tree({ 'src/b.ts': '' });
      assert.deepEqual(rel(listSourceFilesSync(cfg, undefined, m)), ['src/b.ts']);
    });

    it('a file added where the walk never reads (node_modules, a dot folder) keeps the remembered walk', async () => {
      tree({ 'src/a.ts': '', 'node_modules/pkg/index.ts': '', '.cache/x/y.ts': '' });
      age();
      const cfg = config();
      const m = memo();
      listSourceFilesSync(cfg, undefined, m);
      fs.writeFileSync(path.join(root, 'node_modules/pkg/more.ts'), '');
      fs.writeFileSync(path.join(root, '.cache/x/z.ts'), '');
      assert.deepEqual(rel(listSourceFilesSync(cfg, undefined, m)), ['src/a.ts']);
      assert.equal(m.walks, 1);
    });
  });

  /** The folders a listing read (root-relative, '' for the root), as its memo records them. */
  function walkedFolders(cfg: ResolvedConfig): string[] {
    let dirs: Record<string, number> = {};
    ageFolders(root);
    listSourceFilesSync(cfg, undefined, { recall: () => undefined, remember: (l) => (dirs = l?.dirs ?? {}) });
    return Object.keys(dirs).map((d) => path.posix.relative(root, d));
  }
});

/** A generated entry, unless its folder is taken by a file or it exists already. */
function create(at: string, node: Node): void {
  try {
    fs.mkdirSync(node === 'folder' ? at : path.dirname(at), { recursive: true });
    if (typeof node === 'object') fs.symlinkSync(node.link, at);
    else if (node !== 'folder') fs.writeFileSync(at, node, { flag: 'wx' });
  } catch {
    // a generated path under a generated file: left out
  }
}

function canRead(dir: string): boolean {
  try {
    fs.readdirSync(dir);
    return true;
  } catch {
    return false;
  }
}
