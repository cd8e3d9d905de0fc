import * as fs from 'node:fs';
import * as path from 'node:path';
import ts = require('typescript');

/** A parsed tsconfig: its compiler options and the files its include/files select. */
export interface ProjectConfig {
  file: string;
  options: ts.CompilerOptions;
  fileNames: ReadonlySet<string>;
  references: readonly string[];
}

const MAX_REFERENCE_DEPTH = 3;

/** Finds and parses the tsconfig that governs each file, following `extends` (TypeScript does) and `references`. */
export class TsconfigFinder {
  private readonly parsed = new Map<string, ProjectConfig | null>();
  private readonly nearestInDir = new Map<string, string | null>();
  private readonly extendedCache = new Map<string, ts.ExtendedConfigCacheEntry>();

  /**
   * The nearest tsconfig.json above the file (never past the repository root); when it does not select the file
   * (a solution-style config, say), the referenced project that does. Undefined: no tsconfig governs the file.
   */
  forFile(file: string): ProjectConfig | undefined {
    const nearest = this.nearest(path.dirname(file));
    const config = nearest ? this.parse(nearest) : undefined;
    if (!config) return undefined;
    if (config.fileNames.has(file)) return config;
    return this.viaReferences(config, file, 0) ?? config;
  }

  private viaReferences(config: ProjectConfig, file: string, depth: number): ProjectConfig | undefined {
    if (depth >= MAX_REFERENCE_DEPTH) return undefined;
    for (const ref of config.references) {
      const child = this.parse(ref);
      if (!child) continue;
      if (child.fileNames.has(file)) return child;
      const deeper = this.viaReferences(child, file, depth + 1);
      if (deeper) return deeper;
    }
    return undefined;
  }

  private nearest(dir: string): string | undefined {
    const seen: string[] = [];
    let found: string | null = null;
    for (let d = dir; ; d = path.dirname(d)) {
      const known = this.nearestInDir.get(d);
      if (known !== undefined) {
        found = known;
        break;
      }
      seen.push(d);
      const candidate = path.join(d, 'tsconfig.json');
      if (isRegularFile(candidate)) {
        found = candidate.replace(/\\/g, '/');
        break;
      }
      // The repository root bounds the walk: a tsconfig above it belongs to something else.
      if (fs.existsSync(path.join(d, '.git')) || path.dirname(d) === d) break;
    }
    for (const d of seen) this.nearestInDir.set(d, found);
    return found ?? undefined;
  }

  private parse(file: string): ProjectConfig | undefined {
    const known = this.parsed.get(file);
    if (known !== undefined) return known ?? undefined;
    let config: ProjectConfig | null = null;
    const host: ts.ParseConfigFileHost = {
      useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
      readDirectory: ts.sys.readDirectory,
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      getCurrentDirectory: () => path.dirname(file),
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    };
    // An `extends` of a package that is not installed is reported by TypeScript and otherwise ignored: the options
    // that could be read still apply, the same before and after.
    const parsed = isRegularFile(file) ? ts.getParsedCommandLineOfConfigFile(file, {}, host, this.extendedCache) : undefined;
    if (parsed) {
      config = {
        file,
        options: parsed.options,
        fileNames: new Set(parsed.fileNames.map((f) => f.replace(/\\/g, '/'))),
        references: (parsed.projectReferences ?? []).map((r) => ts.resolveProjectReferencePath(r).replace(/\\/g, '/')),
      };
    }
    this.parsed.set(file, config);
    return config ?? undefined;
  }
}

/**
 * TypeScript reads a tsconfig.json it is given with a blocking read: a FIFO of that name would stop the cleanup for
 * good, a folder or device fail it. Only a regular file counts as one (its `extends` TypeScript finds itself, as files).
 */
function isRegularFile(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}
