import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module = require('node:module');
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { writeFileAtomically } from '../fs/write';

/** Cache files of other builds are removed when this long untouched. */
const STALE_MS = 7 * 24 * 3600_000;

/**
 * Runs the CommonJS module `filename` through a V8 code cache kept in `cacheDir`, so a later process skips
 * compiling it. Node 20 has no `module.enableCompileCache()`; this does the same for one file, with `vm.Script`
 * cached data. The module lands in `require.cache`, so a later `require(filename)` gets it. Returns its exports,
 * or undefined when it could not be run this way (the caller then requires it as usual). A throw from the
 * module's own top level propagates, as with `require`.
 *
 * The cache holds the functions the run that wrote it had compiled by its exit, so runs that call different
 * functions (`--version` and a scan) keep apart caches: `variant` names the kind of run.
 */
export function requireWithCodeCache(filename: string, cacheDir: string, parent?: NodeModule, variant = ''): unknown {
  if (require.cache[filename]) return require.cache[filename]!.exports;
  let source: string;
  let cacheFile: string;
  try {
    source = fs.readFileSync(filename, 'utf8');
    // V8 itself rejects cached data made from other source text; the key only keeps installs apart cheaply.
    const st = fs.statSync(filename);
    const key = createHash('sha256').update(`${process.version}\0${process.arch}\0${filename}\0${st.size}\0${st.mtimeMs}`).digest('hex').slice(0, 24);
    cacheFile = path.join(cacheDir, `${path.basename(filename, '.js')}${variant ? `-${variant.replace(/[^a-z0-9]/gi, '')}` : ''}-${key}.v8`);
  } catch {
    return undefined;
  }
  // Cached data is compiled code V8 runs as is: never take it from a folder someone else could write to.
  const cachedData = ownFolder(cacheDir) ? readOrUndefined(cacheFile) : undefined;
  let script: vm.Script;
  try {
    script = new vm.Script(Module.wrap(source.startsWith('#!') ? `//${source.slice(2)}` : source), {
      filename,
      cachedData,
      importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
  } catch {
    return undefined;
  }
  const mod = new Module(filename, parent);
  mod.filename = filename;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(filename));
  require.cache[filename] = mod;
  if ((cachedData === undefined || script.cachedDataRejected) && ownFolder(cacheDir, true)) {
    // Written at exit: by then the functions this run called have been compiled too, and go into the cache.
    process.once('exit', () => {
      writeFileAtomically(cacheFile, () => script.createCachedData(), 0o700);
      removeStale(cacheDir, cacheFile);
    });
  }
  try {
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
    wrapper.call(mod.exports, mod.exports, Module.createRequire(filename), mod, filename, path.dirname(filename));
    mod.loaded = true;
  } catch (e) {
    delete require.cache[filename];
    throw e;
  }
  return mod.exports;
}

/** `$NODE_COMPILE_CACHE/flagsweep`, else a per-user folder in the temp dir; undefined when turned off. */
export function defaultCompileCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (env.NODE_COMPILE_CACHE) return path.join(env.NODE_COMPILE_CACHE, 'flagsweep');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `flagsweep-compile-cache-${uid}`);
}

/**
 * Is `dir` a folder of this user that nobody else can write to (the default one sits in the shared temp folder)?
 * With `create`, a missing folder is made first, private.
 */
function ownFolder(dir: string, create = false): boolean {
  try {
    if (create) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory()) return false;
    if (typeof process.getuid !== 'function') return true;
    return st.uid === process.getuid() && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Cache files of earlier builds (another size or mtime) pile up in the folder: old ones go. */
function removeStale(dir: string, kept: string): void {
  try {
    const now = Date.now();
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (file === kept || !name.endsWith('.v8')) continue;
      if (now - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
    }
  } catch {
    // best effort
  }
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
