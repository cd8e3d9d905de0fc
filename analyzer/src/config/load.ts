import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { lineColumnAt, parseJsonTree, withoutBom } from '../sources/json-text';
import { configSchema, type FlagsweepConfig, type SourceConfig } from './schema';

export const CONFIG_FILE_NAME = 'flagsweep.config.json';

/** A validated config plus where it came from. Everything downstream receives this, never a file path. */
export interface ResolvedConfig extends FlagsweepConfig {
  /** Directory globs and relative source paths are resolved against (the config file's folder). */
  root: string;
  /** The file the config came from, or undefined when defaults were used. */
  configFile?: string;
  /** `source` normalized to an array. */
  sources: SourceConfig[];
}

/** A config that can't be used. `message` is one line naming the file, the JSON path and what was expected. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly jsonPath?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Walks up from `start` (a file or folder) to the nearest flagsweep.config.json or package.json with a "flagsweep" key. */
export function findConfigFile(start: string): string | undefined {
  let dir = path.resolve(start);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && packageJsonHasConfig(pkg)) return pkg;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function packageJsonHasConfig(file: string): boolean {
  try {
    const json = JSON.parse(withoutBom(fs.readFileSync(file, 'utf8')));
    return json !== null && typeof json === 'object' && 'flagsweep' in json;
  } catch {
    return false;
  }
}

/**
 * Loads the config for a scan of `start`: the explicit `configFile` when given, else the nearest one found by
 * walking up, else defaults rooted at `start`.
 */
export function loadConfig(start: string, configFile?: string): ResolvedConfig {
  const file = configFile ? path.resolve(configFile) : findConfigFile(start);
  if (!file) {
    const root = path.resolve(start);
    return resolveConfig({}, fs.existsSync(root) && !fs.statSync(root).isDirectory() ? path.dirname(root) : root);
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read config file (${(e as NodeJS.ErrnoException).code ?? String(e)})`, file);
  }
  // The same strict parse as flag files: a byte-order mark is allowed, an error gets its line and column.
  const parsed = parseJsonTree(text);
  if (!parsed.ok) {
    const at = lineColumnAt(text, parsed.offset);
    throw new ConfigError(`${file}: invalid JSON at line ${at.line}, column ${at.column}: ${parsed.problem}`, file);
  }
  const json: unknown = JSON.parse(withoutBom(text));
  const isPackageJson = path.basename(file) === 'package.json';
  const raw = isPackageJson ? (json !== null && typeof json === 'object' ? (json as Record<string, unknown>).flagsweep : undefined) : json;
  return resolveConfig(raw, path.dirname(file), file, isPackageJson ? '$.flagsweep' : '$');
}

/** Validates a raw config object (from a file, ESLint settings or VS Code) and fills in defaults. */
export function resolveConfig(raw: unknown, root: string, configFile?: string, basePath = '$'): ResolvedConfig {
  // Only an absent config means defaults: a `null` written in the file is a mistake like any other type.
  const parsed = configSchema.safeParse(raw === undefined ? {} : raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const jsonPath = formatJsonPath(basePath, issue.path);
    throw new ConfigError(`${configFile ?? 'config'}: ${jsonPath}: ${describeIssue(issue)}`, configFile, jsonPath);
  }
  const config = parsed.data;
  if (config.keys.pattern !== undefined) {
    try {
      new RegExp(config.keys.pattern);
    } catch (e) {
      const jsonPath = `${basePath}.keys.pattern`;
      throw new ConfigError(`${configFile ?? 'config'}: ${jsonPath}: expected a valid regular expression (${(e as Error).message})`, configFile, jsonPath);
    }
  }
  return {
    ...config,
    root: path.resolve(root),
    configFile,
    sources: Array.isArray(config.source) ? config.source : [config.source],
  };
}

function formatJsonPath(base: string, segments: PropertyKey[]): string {
  let out = base;
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(String(s)) ? `.${String(s)}` : `[${JSON.stringify(String(s))}]`;
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      return `expected ${unionExpectation(issue)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    default:
      return issue.message;
  }
}

function unionExpectation(issue: z.core.$ZodIssue & { code: 'invalid_union' }): string {
  if (issue.path.at(-1) === 'source' || issue.path.includes('source')) return 'a source object ({ "type": "flagd" | "unleash" | "launchdarkly", ... }) or an array of them';
  if (issue.path.includes('patterns'))
    return 'a pattern with one of "call", "property", "element", "hook", "jsx" or "configEntry" (and only that kind\'s options)';
  return issue.message;
}
