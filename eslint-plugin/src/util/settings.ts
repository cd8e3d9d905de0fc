/**
 * `settings.flagsweep` in an ESLint flat config. Everything is optional: by default the plugin finds
 * flagsweep.config.json by walking up from the linted file, exactly like the CLI.
 */
export interface FlagsweepSettings {
  /** Path of the flagsweep config file (relative to ESLint's cwd), instead of the nearest one. */
  configFile?: string;
  /** "Today" as YYYY-MM-DD; takes precedence over FLAGSWEEP_NOW. Meant for tests and reproducible runs. */
  now?: string;
  /** Config fields that override the file's: `keys` and `lifecycle` are merged field by field, the rest replace. */
  overrides: Record<string, unknown>;
}

const CONFIG_FIELDS = new Set(['keys', 'lifecycle', 'sdks', 'globalSdks', 'patterns', 'aliases', 'source']);
const MERGED_FIELDS = new Set(['keys', 'lifecycle']);

export interface ParsedSettings {
  settings: FlagsweepSettings;
  /** Stable identity of the settings, to key caches. */
  cacheKey: string;
}

const parsedCache = new WeakMap<object, ParsedSettings>();

/** Reads and checks `settings.flagsweep`. Throws an Error with a one-line message when it is malformed. */
export function parseSettings(allSettings: Readonly<Record<string, unknown>> | undefined): ParsedSettings {
  const raw = allSettings?.flagsweep;
  if (raw === undefined) return EMPTY;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('settings.flagsweep: expected an object');
  const cached = parsedCache.get(raw);
  if (cached) return cached;
  const settings: FlagsweepSettings = { overrides: {} };
  for (const [field, value] of Object.entries(raw as Record<string, unknown>)) {
    if (field === 'configFile' || field === 'now') {
      if (typeof value !== 'string' || value === '') throw new Error(`settings.flagsweep.${field}: expected a non-empty string`);
      settings[field] = value;
    } else if (CONFIG_FIELDS.has(field)) {
      settings.overrides[field] = value;
    } else {
      throw new Error(`settings.flagsweep: unknown field "${field}" (expected configFile, now, ${[...CONFIG_FIELDS].join(', ')})`);
    }
  }
  const parsed = { settings, cacheKey: JSON.stringify(raw) };
  parsedCache.set(raw, parsed);
  return parsed;
}

const EMPTY: ParsedSettings = { settings: { overrides: {} }, cacheKey: '' };

/** The file config with `overrides` (settings or rule options) laid over it, ready for resolveConfig. */
export function overlay(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = out[field];
    out[field] =
      MERGED_FIELDS.has(field) && isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
