import * as fs from 'node:fs';
import * as path from 'node:path';
import ts = require('typescript');
import { readTextFile } from '../fs/read';

export type ReadFile = (absPath: string) => string | undefined;

/** Regular files only (a FIFO named tsconfig.json or x.ts would block), and no generated giant (over 10 MB). */
export function readFileFromDisk(absPath: string): string | undefined {
  try {
    return readTextFile(absPath, { maxBytes: 10 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** Result of resolving an import specifier to a project file. */
export type ModuleLookup = { file: string; reason?: undefined } | { file?: undefined; reason: string };

/**
 * Resolves import specifiers the way a bundler would (relative paths, index files, `.js` → `.ts`, tsconfig
 * `baseUrl`/`paths`), without a Program. Packages in node_modules count as unresolved: they hold no project keys.
 */
export class ModuleResolver {
  private readonly configByDir = new Map<string, ts.CompilerOptions>();
  private readonly cache = new Map<string, ModuleLookup>();
  private readonly host: ts.ModuleResolutionHost;
  private readonly fileExists: (file: string) => boolean;

  constructor(private readonly readFile: ReadFile) {
    const onDisk = readFile === readFileFromDisk;
    // Probing with a stat is far cheaper than reading (and, when missing, than the thrown ENOENT).
    this.fileExists = onDisk ? (f) => fs.statSync(f, { throwIfNoEntry: false })?.isFile() ?? false : (f) => this.readFile(f) !== undefined;
    this.host = {
      fileExists: this.fileExists,
      readFile: (f) => this.readFile(f),
      realpath: (p) => p,
    };
    // Pruning missing folders saves lookups, but a custom reader (editor buffers) may serve files in folders not on disk yet.
    if (onDisk) {
      this.host.directoryExists = (d) => {
        return fs.statSync(d, { throwIfNoEntry: false })?.isDirectory() ?? false;
      };
    }
  }

  /**
   * After `file` changed, was created or deleted: drops lookups that may now resolve differently (failed ones,
   * and those that led to `file`); a changed tsconfig/jsconfig drops everything. Without `file`, drops everything.
   */
  forget(file?: string): void {
    if (file === undefined || /(^|\/)(tsconfig|jsconfig)[^/]*\.json$/.test(file)) {
      this.cache.clear();
      this.configByDir.clear();
      return;
    }
    for (const [k, v] of this.cache) if (v.file === undefined || v.file === file) this.cache.delete(k);
  }

  resolve(specifier: string, fromFile: string): ModuleLookup {
    const dir = path.dirname(fromFile);
    const cacheKey = `${dir}\0${specifier}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const result = this.lookup(specifier, fromFile, dir);
    this.cache.set(cacheKey, result);
    return result;
  }

  private lookup(specifier: string, fromFile: string, dir: string): ModuleLookup {
    const relative = specifier.startsWith('.') || specifier.startsWith('/');
    const options = this.optionsFor(dir);
    if (!relative && !options.paths && !options.baseUrl) return { reason: `import from package "${specifier}"` };
    const resolved = ts.resolveModuleName(specifier, fromFile, options, this.host).resolvedModule;
    if (!resolved) return { reason: `cannot resolve import "${specifier}"` };
    if (resolved.isExternalLibraryImport || /[\\/]node_modules[\\/]/.test(resolved.resolvedFileName)) {
      return { reason: `import from package "${specifier}"` };
    }
    if (resolved.extension === ts.Extension.Dts || resolved.extension === ts.Extension.Json) {
      return { reason: `import "${specifier}" resolves to ${path.basename(resolved.resolvedFileName)}` };
    }
    return { file: resolved.resolvedFileName.replace(/\\/g, '/') };
  }

  /** Compiler options that matter for resolution, from the nearest tsconfig.json / jsconfig.json (with `extends`). */
  private optionsFor(dir: string): ts.CompilerOptions {
    const cached = this.configByDir.get(dir);
    if (cached) return cached;
    let options: ts.CompilerOptions;
    const configFile = ['tsconfig.json', 'jsconfig.json'].map((n) => path.join(dir, n)).find((f) => this.fileExists(f));
    const parent = path.dirname(dir);
    if (configFile) options = this.parseConfig(configFile);
    else if (parent !== dir) options = this.optionsFor(parent);
    else options = {};
    const resolutionOptions: ts.CompilerOptions = {
      ...options,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      module: ts.ModuleKind.ESNext,
      allowJs: true,
      resolveJsonModule: false,
    };
    this.configByDir.set(dir, resolutionOptions);
    return resolutionOptions;
  }

  private parseConfig(configFile: string): ts.CompilerOptions {
    const read = ts.readConfigFile(configFile, (f) => this.readFile(f));
    if (read.error) return {};
    // No directory reads: only compilerOptions (following `extends`) matter here, not the file list.
    const host: ts.ParseConfigHost = {
      useCaseSensitiveFileNames: true,
      readDirectory: () => [],
      fileExists: this.fileExists,
      readFile: (f) => this.readFile(f),
    };
    const parsed = ts.parseJsonConfigFileContent(read.config, host, path.dirname(configFile), undefined, configFile);
    const { paths, baseUrl, pathsBasePath, rootDirs } = parsed.options;
    return { paths, baseUrl, pathsBasePath, rootDirs } as ts.CompilerOptions;
  }
}
