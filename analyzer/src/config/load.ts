import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type * as z from 'zod/mini';
import { lineColumnAt, parseJsonTree, withoutBom } from '../sources/json-text';
import { FileReadError, MAX_JSON_DEPTH, readTextFile, tooDeepAt } from '../fs';
import { catastrophicBacktracking } from '../keys/safe-regex';
import { ConfigError } from './errors';
import { configSchema, type FlagsweepConfig, type SourceConfig } from './schema';

export const CONFIG_FILE_NAME = 'flagsweep.config.json';
/** Config file names looked up in each folder, in this order. Both may hold comments and trailing commas (JSONC). */
export const CONFIG_FILE_NAMES = [CONFIG_FILE_NAME, 'flagsweep.config.jsonc'] as const;

/** A config file is a few KB; anything this large is a mistake (a generated file named like a config). */
const MAX_CONFIG_BYTES = 10 * 1024 * 1024;

/** A validated config plus where it came from. Everything downstream receives this, never a file path. */
export interface ResolvedConfig extends FlagsweepConfig {
  /** Directory globs and relative source paths are resolved against (the config file's folder). */
  root: string;
  /** The file the config came from, or undefined when defaults were used. */
  configFile?: string;
  /** `source` normalized to an array. */
  sources: SourceConfig[];
}

export { ConfigError };

/**
 * Walks up from `start` (a file or folder) to the nearest flagsweep.config.json, flagsweep.config.jsonc or
 * package.json with a "flagsweep" key.
 */
export function findConfigFile(start: string): string | undefined {
  let dir = path.resolve(start);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && packageJsonHasConfig(pkg)) return pkg;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function packageJsonHasConfig(file: string): boolean {
  let text: string;
  try {
    text = readTextFile(file, { maxBytes: MAX_CONFIG_BYTES });
  } catch {
    return false;
  }
  try {
    const json = JSON.parse(withoutBom(text));
    return json !== null && typeof json === 'object' && 'flagsweep' in json;
  } catch {
    // A broken package.json that mentions our key is taken, so its error is reported instead of silently using defaults.
    return text.includes('"flagsweep"');
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
    text = readTextFile(file, { maxBytes: MAX_CONFIG_BYTES });
  } catch (e) {
    throw new ConfigError(e instanceof FileReadError ? `${file}: cannot read config file: ${e.reason}` : `${file}: cannot read config file (${String(e)})`, file);
  }
  // Recursive parsers overflow the stack on very deep nesting: refuse it first, naming the place.
  const deep = tooDeepAt(text);
  if (deep !== undefined) throw invalidJson(file, text, deep, `nested deeper than ${MAX_JSON_DEPTH} levels`);
  const isPackageJson = path.basename(file) === 'package.json';
  const json = isPackageJson ? parseStrictJson(file, text) : parseConfigJsonc(file, text);
  const raw = isPackageJson ? (json !== null && typeof json === 'object' ? (json as Record<string, unknown>).flagsweep : undefined) : json;
  return resolveConfig(raw, path.dirname(file), file, isPackageJson ? '$.flagsweep' : '$');
}

/** package.json is read by npm too, so it stays strict JSON: a byte-order mark is allowed, an error gets its line and column. */
function parseStrictJson(file: string, text: string): unknown {
  const parsed = parseJsonTree(text);
  if (!parsed.ok) throw invalidJson(file, text, parsed.offset, parsed.problem);
  return JSON.parse(withoutBom(text));
}

/** A config file is JSONC, like tsconfig.json: comments and trailing commas are fine, anything else is an error. */
function parseConfigJsonc(file: string, text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(withoutBom(text), errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false });
  if (errors.length > 0) throw invalidJson(file, text, errors[0].offset, describeParseError(printParseErrorCode(errors[0].error)));
  return value;
}

function invalidJson(file: string, text: string, offset: number, problem: string): ConfigError {
  const at = lineColumnAt(text, offset);
  return new ConfigError(`${file}: invalid JSON at line ${at.line}, column ${at.column}: ${problem}`, file);
}

function describeParseError(code: string): string {
  // 'PropertyNameExpected' -> 'property name expected'
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
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
    const slow = catastrophicBacktracking(config.keys.pattern);
    if (slow) throw new ConfigError(`${configFile ?? 'config'}: ${basePath}.keys.pattern: ${slow}`, configFile, `${basePath}.keys.pattern`);
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
