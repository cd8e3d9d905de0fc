// Bundles the plugin (src/index.ts and the analyzer's session it uses, from their TypeScript sources) into
// dist/index.js, over tsc's output of that file: ESLint loads one file instead of some 150 modules, and imports
// from source let esbuild drop what the rules never reach (most of zod/mini). Loading the plugin went from ~105 ms to
// ~35 ms. Run after tsc (npm run build). tsc's own dist/index.js, left by a bare `tsc -b`, works too, unbundled.
// TypeScript stays a runtime require (typescript-eslint's copy, loaded only for files that need parsing); so does
// @typescript-eslint/utils, the rule framework.
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');
const { assertAsciiOnly } = require('../../scripts/build/ascii-only');

const root = path.join(__dirname, '..');
const outfile = path.join(root, 'dist', 'index.js');
esbuild.buildSync({
  entryPoints: [path.join(root, 'src', 'index.ts')],
  outfile,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  alias: { '@flagsweep/analyzer': path.join(root, '..', 'analyzer', 'src') },
  // jsonc-parser's "main" is a UMD build whose requires esbuild cannot follow; its "module" build bundles.
  mainFields: ['module', 'main'],
  external: ['typescript', 'ts-morph', '@typescript-eslint/utils', '@typescript-eslint/utils/*'],
  sourcemap: true,
  logLevel: 'warning',
});
assertAsciiOnly(outfile);
