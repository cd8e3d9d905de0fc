import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module = require('node:module');
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Loads the `typescript` package through a V8 code cache, so a later process skips compiling its 9 MB (about a
 * third of a cold scan that parses anything). Node 20 has no `module.enableCompileCache()`; this does the same
 * for the one module that matters, with `vm.Script` cached data. The module lands in `require.cache`, so every
 * `require('typescript')` after this call gets it. Best effort: any failure leaves the ordinary `require` to
 * load it. `NODE_DISABLE_COMPILE_CACHE` turns it off, `NODE_COMPILE_CACHE` moves it, as with Node's own cache.
 */
export function loadTypeScriptWithCodeCache(cacheDir: string | undefined = defaultCompileCacheDir()): void {
  if (cacheDir === undefined) return;
  let filename: string;
  try {
    filename = require.resolve('typescript');
  } catch {
    return; // bundled (the extension): nothing to load from disk
  }
  if (require.cache[filename] || !filename.endsWith('.js')) return;
  let source: string;
  let cacheFile: string;
  try {
    source = fs.readFileSync(filename, 'utf8');
    // V8 itself rejects cached data made from other source text; the key only keeps installs apart cheaply.
    const st = fs.statSync(filename);
    const key = createHash('sha256').update(`${process.version}\0${process.arch}\0${filename}\0${st.size}\0${st.mtimeMs}`).digest('hex').slice(0, 24);
    cacheFile = path.join(cacheDir, `typescript-${key}.v8`);
  } catch {
    return;
  }
  const cachedData = readOrUndefined(cacheFile);
  const script = new vm.Script(Module.wrap(source), {
    filename,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = new Module(filename, module);
  mod.filename = filename;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(filename));
  require.cache[filename] = mod;
  try {
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
    wrapper.call(mod.exports, mod.exports, Module.createRequire(filename), mod, filename, path.dirname(filename));
    mod.loaded = true;
  } catch {
    delete require.cache[filename];
    return;
  }
  if (cachedData === undefined || script.cachedDataRejected) {
    // Written at exit: by then the scanner and parser functions have been compiled too, and go into the cache.
    process.once('exit', () => writeAtomically(cacheFile, () => script.createCachedData()));
  }
}

/** `$NODE_COMPILE_CACHE/flagsweep`, else a per-user folder in the temp dir; undefined when turned off. */
export function defaultCompileCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (env.NODE_COMPILE_CACHE) return path.join(env.NODE_COMPILE_CACHE, 'flagsweep');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `flagsweep-compile-cache-${uid}`);
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, data: () => Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, data());
    fs.renameSync(tmp, file);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
  }
}
