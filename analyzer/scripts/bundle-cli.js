// Bundles the CLI (src/cli/program.ts and everything it imports, TypeScript aside) into dist/cli/bundle.js, which
// dist/cli/main.js runs through a V8 code cache: one file to read and compile instead of some 150 modules. Bundled
// from the TypeScript sources, not tsc's CommonJS output: ES imports let esbuild drop what the CLI never reaches
// (most of zod/mini). Run after tsc (npm run build): main.js runs the bundle only when it is newer than tsc's build.
// TypeScript stays a runtime require: it is loaded only for files that need parsing, through its own code cache
// (src/cache/compiler-code-cache.ts).
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');
const { assertAsciiOnly } = require('../../scripts/build/ascii-only');

const dist = path.join(__dirname, '..', 'dist');
const outfile = path.join(dist, 'cli', 'bundle.js');
esbuild
  .buildSync({
    entryPoints: [path.join(__dirname, '..', 'src', 'cli', 'program.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // jsonc-parser's "main" is a UMD build whose requires esbuild cannot follow; its "module" build bundles.
    mainFields: ['module', 'main'],
    external: ['typescript'],
    logLevel: 'warning',
  });
assertAsciiOnly(outfile);
