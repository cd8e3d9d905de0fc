export { ScanCache, DEFAULT_CACHE_LOCATION, type ScanCacheOptions, type FileOutcome } from './scan-cache';
export { loadTypeScriptWithCodeCache, defaultCompileCacheDir } from './compiler-code-cache';
export { stableDigest, toolVersion } from './digest';
