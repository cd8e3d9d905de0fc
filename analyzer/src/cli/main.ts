#!/usr/bin/env node
import * as fs from 'node:fs';
import Module = require('node:module');
import * as path from 'node:path';
import { defaultCompileCacheDir, requireWithCodeCache } from '../cache/code-cache';
import { COMMANDS } from './commands';

// The `flagsweep` command. Loading and compiling some 150 modules was a third of a scan that found everything in its
// cache, so the CLI runs from one esbuild bundle (dist/cli/bundle.js, made by `npm run build`) through a V8 code
// cache. A checkout compiled with `tsc -b` alone has a bundle older than its build info: it runs the modules as
// compiled, so the command never runs stale code.
const bundle = path.join(__dirname, 'bundle.js');
const cacheDir = defaultCompileCacheDir();

function bundleIsCurrent(): boolean {
  const built = fs.statSync(bundle, { throwIfNoEntry: false });
  if (!built) return false;
  const compiled = fs.statSync(path.join(__dirname, '..', '..', 'tsconfig.tsbuildinfo'), { throwIfNoEntry: false });
  return !compiled || built.mtimeMs >= compiled.mtimeMs;
}

/** The command this run is for (scan, check, …): each keeps its own code cache, holding the functions it runs. */
function commandName(): string {
  const first = process.argv.slice(2).find((a) => !a.startsWith('-'));
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? first : 'other';
}

if (!bundleIsCurrent()) {
  // Node 22.1+: a V8 code cache for every module the CLI loads (NODE_DISABLE_COMPILE_CACHE turns it off).
  (Module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  require('./program');
} else if (cacheDir === undefined || requireWithCodeCache(bundle, cacheDir, module, commandName()) === undefined) {
  require(bundle);
}
