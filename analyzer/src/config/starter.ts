import type { FlagCheck } from '../model';
import { SDK_PRESETS, moduleMatches } from './presets';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, SDK_PRESET_IDS, type SdkPresetId } from './schema';

/**
 * The texts `flagsweep init` writes: a commented starter config and a flagd file describing today's behaviour.
 * Pure functions; the CLI command reads the project and writes the files.
 */

/** Preset ids whose SDK modules a package.json depends on (dependencies, devDependencies, peerDependencies). */
export function sdksFromPackageJson(pkg: unknown): SdkPresetId[] {
  if (pkg === null || typeof pkg !== 'object') return [];
  const names: string[] = [];
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = (pkg as Record<string, unknown>)[field];
    if (deps !== null && typeof deps === 'object') names.push(...Object.keys(deps));
  }
  return sdksFromModules(names);
}

/** Preset ids of the SDK modules a source text imports or requires. */
export function sdksFromImports(text: string): SdkPresetId[] {
  const specifiers: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"\n]+)['"]/g)) specifiers.push(m[1]);
  return sdksFromModules(specifiers);
}

function sdksFromModules(specifiers: readonly string[]): SdkPresetId[] {
  return Object.values(SDK_PRESETS).filter((p) => specifiers.some((s) => moduleMatches(s, p.modules))).map((p) => p.id);
}

/** Preset ids in the schema's order, without repeats. */
export function orderSdks(ids: Iterable<string>): SdkPresetId[] {
  const set = new Set(ids);
  return SDK_PRESET_IDS.filter((id) => set.has(id));
}

export interface StarterConfigInput {
  /** SDK presets found; empty means "detect every supported SDK" (the field is left out). */
  sdks: SdkPresetId[];
  /** Wrapper functions found around SDK calls, as call patterns. */
  patterns: { call: string; key: number }[];
  /** `$schema` value: a path relative to the config file, or a URL. */
  schema: string;
  flagFile: string;
  /** Comments (JSONC) or plain JSON. */
  comments: boolean;
}

/** The starter config text. With `comments`, every section says what it is for. */
export function renderStarterConfig(input: StarterConfigInput): string {
  const c = (text: string) => (input.comments ? `  // ${text}\n` : '');
  const list = (items: readonly string[]) => `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;
  const fields: string[] = [];
  fields.push(`  "$schema": ${JSON.stringify(input.schema)}`);
  fields.push(`${c('Files to scan and to skip, relative to this file. Files ignored by .gitignore are skipped too ("gitignore": false turns that off).')}  "include": ${list(DEFAULT_INCLUDE)},\n  "exclude": ${list(DEFAULT_EXCLUDE)}`);
  if (input.sdks.length > 0) {
    fields.push(`${c('SDKs found in package.json and imports. Remove the field to detect every supported SDK.')}  "sdks": ${list(input.sdks)}`);
  }
  const patterns = input.patterns.map((p) => `    { "call": ${JSON.stringify(p.call)}, "key": ${p.key} }`);
  fields.push(
    `${c(input.patterns.length > 0 ? 'Your own functions that pass a flag key to the SDK (found by init). Add more the same way.' : 'Your own flag functions, e.g. { "call": "isEnabled", "key": 0 } for isEnabled(\'new-checkout\').')}` +
      `  "patterns": ${patterns.length > 0 ? `[\n${patterns.join(',\n')}\n  ]` : '[]'}`,
  );
  fields.push(`${c('Flag key rules the ESLint plugin enforces, e.g. { "case": "kebab-case", "maxLength": 60 }.')}  "keys": {}`);
  fields.push(
    `${c(`Where flag state comes from. Unleash or LaunchDarkly: { "type": "unleash", "url": "https://unleash.example.com", "tokenEnv": "UNLEASH_TOKEN" }.`)}` +
      `  "source": { "type": "flagd", "path": ${JSON.stringify(input.flagFile)} }`,
  );
  fields.push(
    `${c('When a flag counts as stale (one value for everyone this long), expiring, or too old for its type.')}` +
      `  "lifecycle": {\n    "staleAfterDays": 30,\n    "warnBeforeExpiryDays": 14,\n    "maxLifetimeDays": { "release": 90, "experiment": 60 },\n    "permanentTypes": ["ops", "permission"]\n  }`,
  );
  const header = input.comments ? '// flagsweep config (JSONC: comments and trailing commas are fine). Reference: docs/init.md\n' : '';
  return `${header}{\n${fields.join(',\n')}\n}\n`;
}

/** A flagd flag file with one flag per key found, set up so every check keeps returning what it returns today. */
export function renderStarterFlagFile(checks: readonly FlagCheck[]): { text: string; keys: string[] } {
  const byKey = new Map<string, FlagCheck[]>();
  for (const check of checks) {
    if (check.key === null) continue;
    byKey.set(check.key, [...(byKey.get(check.key) ?? []), check]);
  }
  const keys = [...byKey.keys()].sort();
  const flags: Record<string, unknown> = {};
  for (const key of keys) flags[key] = starterFlag(byKey.get(key)!);
  const text = `${JSON.stringify({ $schema: 'https://flagd.dev/schema/v0/flags.json', flags }, null, 2)}\n`;
  return { text, keys };
}

function starterFlag(checks: FlagCheck[]): Record<string, unknown> {
  const annotation = checks.find((c) => c.annotation)?.annotation;
  const metadata: Record<string, unknown> = {};
  if (annotation?.owner) metadata.owner = annotation.owner;
  if (annotation?.flagType) metadata.flagType = annotation.flagType;
  if (annotation?.description) metadata.description = annotation.description;
  const defaults = checks.map((c) => c.defaultValue).filter((v) => v !== undefined);
  const withMetadata = (flag: Record<string, unknown>) => (Object.keys(metadata).length > 0 ? { ...flag, metadata } : flag);
  if (checks.every((c) => c.evaluates === 'boolean')) {
    // Serve the code default (false when no check writes one): nothing changes until someone turns the flag on.
    const on = defaults.length > 0 && defaults.every((v) => v === true);
    return withMetadata({ state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: on ? 'on' : 'off' });
  }
  const value = defaults[0];
  if (value !== undefined && value !== null && defaults.every((v) => JSON.stringify(v) === JSON.stringify(value))) {
    return withMetadata({ state: 'ENABLED', variants: { default: value }, defaultVariant: 'default' });
  }
  // No single default written in code: a disabled flag makes every check evaluate to its own default.
  return withMetadata({ state: 'DISABLED', variants: { on: true, off: false }, defaultVariant: 'off' });
}
