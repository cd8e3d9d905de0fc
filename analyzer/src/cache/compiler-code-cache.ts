import { defaultCompileCacheDir, requireWithCodeCache } from './code-cache';

export { defaultCompileCacheDir } from './code-cache';

/**
 * Loads the `typescript` package through a V8 code cache, so a later process skips compiling its 9 MB (about a
 * third of a cold scan that parses anything). Every `require('typescript')` after this call gets that module.
 * Best effort: any failure leaves the ordinary `require` to load it. `NODE_DISABLE_COMPILE_CACHE` turns it off,
 * `NODE_COMPILE_CACHE` moves it, as with Node's own cache.
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
  try {
    requireWithCodeCache(filename, cacheDir, module);
  } catch {
    // the ordinary require will load it (and report a real failure)
  }
}
