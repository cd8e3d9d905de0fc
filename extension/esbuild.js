// Builds the extension with esbuild:
//  dist/extension.js  the part VS Code loads at activation: wiring, providers, pure mapping (small, starts fast)
//  dist/engine.js     the analyzer core (+ TypeScript), required lazily the first time flags are indexed
//  dist/cleanup-worker.js  the worker thread that computes a whole-flag cleanup plan (it requires dist/engine.js)
//  out/e2e/suite/     the end-to-end mocha suite run inside VS Code (never packaged)
// and copies the config JSON Schema for `jsonValidation`. `--production` minifies and drops source maps.
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { assertAsciiOnly } = require('../scripts/build/ascii-only');

const production = process.argv.includes('--production');
const root = __dirname;

/** `require('./engine')` (and the analyzer from the test bundle) stay runtime requires of dist/engine.js. */
const lazyEngine = (target) => ({
  name: 'lazy-engine',
  setup(build) {
    build.onResolve({ filter: /^(\.\/engine|\.\.\/engine|@flagsweep\/analyzer)$/ }, (args) =>
      args.kind === 'require-call' || args.path === '@flagsweep/analyzer' ? { path: target, external: true } : undefined,
    );
  },
});

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
};

async function main() {
  // Stale bundles or source maps from another mode must never end up in a package.
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'src/extension.ts')],
    outfile: path.join(root, 'dist/extension.js'),
    plugins: [lazyEngine('./engine.js')],
    // From the analyzer's sources, like the engine: the small dependency-free subpath is bundled here, never a stale dist.
    alias: {
      '@flagsweep/analyzer/words': path.join(root, '../analyzer/src/words.ts'),
    },
  });
  {
    // The end-to-end suite (never packaged) is built in both modes: it also runs against the packaged .vsix.
    fs.rmSync(path.join(root, 'out/e2e'), { recursive: true, force: true });
    for (const suite of ['suite', 'remote', 'corpus']) {
      const dir = path.join(root, 'test/e2e', suite);
      await esbuild.build({
        ...common,
        sourcemap: 'inline',
        entryPoints: fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)),
        outdir: path.join(root, 'out/e2e', suite),
        external: ['vscode', 'mocha'],
        plugins: [lazyEngine(path.join(root, 'dist/engine.js'))],
      });
    }
  }
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'src/engine/index.ts')],
    outfile: path.join(root, 'dist/engine.js'),
    // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
    mainFields: ['module', 'main'],
    // Bundled from the analyzer's sources so the bundle never depends on a stale analyzer/dist.
    alias: {
      '@flagsweep/analyzer': path.join(root, '../analyzer/src/index.ts'),
      '@flagsweep/analyzer/session': path.join(root, '../analyzer/src/session/index.ts'),
      // The dependency-free subpath the mapping code imports (see extension/src/mapping/dates.ts).
      '@flagsweep/analyzer/words': path.join(root, '../analyzer/src/words.ts'),
    },
  });
  // The worker thread of the whole-flag plan: a few lines that load the engine bundle beside them, not a second copy.
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'src/engine/cleanup-worker.ts')],
    outfile: path.join(root, 'dist/cleanup-worker.js'),
    plugins: [
      {
        name: 'engine-beside',
        setup(build) {
          build.onResolve({ filter: /^\.\/index$/ }, (args) => (args.kind === 'require-call' ? { path: './engine.js', external: true } : undefined));
        },
      },
    ],
  });
  for (const bundle of ['extension.js', 'engine.js']) assertAsciiOnly(path.join(root, 'dist', bundle));
  copyTypeScriptLibs();
  copySchema();
}

/** The bundled compiler looks for lib.*.d.ts next to itself (dist/): the cleanup type check needs them. */
function copyTypeScriptLibs() {
  const from = path.dirname(require.resolve('typescript'));
  for (const f of fs.readdirSync(from)) {
    if (/^lib\..*\.d\.ts$/.test(f) || f === 'lib.d.ts') fs.copyFileSync(path.join(from, f), path.join(root, 'dist', f));
  }
}

function copySchema() {
  const out = path.join(root, 'schema/flagsweep.schema.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const published = path.join(root, '../analyzer/schema/flagsweep.schema.json');
  if (fs.existsSync(published)) fs.copyFileSync(published, out);
  else fs.writeFileSync(out, JSON.stringify(require(path.join(root, 'dist/engine.js')).configJsonSchema(), null, 2) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
