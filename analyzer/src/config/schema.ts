import * as z from 'zod/mini';
import { described } from './zod';

/**
 * The one definition of flagsweep.config.json. Runtime validation uses it directly;
 * schema/flagsweep.schema.json is generated from it (npm run build) and a test
 * checks the committed file matches.
 */

export const SDK_PRESET_IDS = [
  'openfeature',
  'launchdarkly',
  'unleash',
  'growthbook',
  'flagsmith',
  'configcat',
  'posthog',
  'vercel-flags',
] as const;
export type SdkPresetId = (typeof SDK_PRESET_IDS)[number];

export const KEY_CASES = ['kebab-case', 'snake_case', 'camelCase', 'SCREAMING_SNAKE', 'dot.case'] as const;
export type KeyCase = (typeof KEY_CASES)[number];

/** Value kinds a custom pattern can declare with `type`. */
export const VALUE_TYPES = ['boolean', 'string', 'number', 'object'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

const nonEmpty = () => z.string().check(z.minLength(1));
const count = (min: number) => z.int().check(z.minimum(min));
const positiveInt = () => z.int().check(z.positive());

const patternCommon = {
  /** Free-form label shown in reports. */
  name: described(z.optional(z.string()), 'Label for this pattern in reports.'),
  /** What the check yields: a boolean (default for negate/isEnabled-like APIs) or a value (variants). */
  evaluates: described(z.optional(z.enum(['boolean', 'value'])), 'Whether the check yields a boolean or a variant value.'),
  /** The kind of value the check reads; without it, the kind is inferred from the default argument and from use. */
  type: described(
    z.optional(z.enum(VALUE_TYPES)),
    'Kind of value the check reads (cleanup only substitutes values of this kind); inferred from the default argument and use when absent.',
  ),
};

export const callPatternSchema = described(
  z.strictObject({
    call: described(nonEmpty(), 'Callee path matched as a suffix of the written callee; `*.x` matches any receiver, `x` a bare call.'),
    key: described(z._default(count(0), 0), 'Index of the argument that holds the flag key.'),
    default: described(z.optional(count(0)), 'Index of the argument that holds the code default value.'),
    negate: described(z._default(z.boolean(), false), 'The API answers "is it off" (isDisabled).'),
    ...patternCommon,
  }),
  'A call whose argument is the flag key.',
);

export const propertyPatternSchema = described(
  z.strictObject({
    property: described(nonEmpty(), 'Object path whose member name is the key, e.g. `uiConfig.flags`.'),
    ...patternCommon,
  }),
  'A property access whose member name is the key.',
);

export const elementPatternSchema = described(
  z.strictObject({
    element: described(nonEmpty(), 'Object path indexed by the key, e.g. `featureFlags`.'),
    ...patternCommon,
  }),
  'An element access whose index is the key.',
);

export const hookPatternSchema = described(
  z.strictObject({
    hook: described(nonEmpty(), 'Hook (or function) returning an object of flags, e.g. `useFlags`.'),
    destructure: described(z._default(z.boolean(), true), 'Keys are read by destructuring or member access on the result.'),
    keyForm: described(
      z._default(z.enum(['as-is', 'camelCase']), 'as-is'),
      'How member names relate to source keys (LaunchDarkly React uses camelCase).',
    ),
    ...patternCommon,
  }),
  'A hook whose result is destructured or accessed by member.',
);

export const jsxPatternSchema = described(
  z.strictObject({
    jsx: described(nonEmpty(), 'Gate component name, e.g. `Feature`.'),
    keyProp: described(z._default(nonEmpty(), 'flag'), 'Prop holding the flag key.'),
    valueProp: described(z.optional(z.string()), 'Prop holding the value the children need (variant gates).'),
    elseProp: described(z.optional(z.string()), 'Prop rendered when the flag is off, e.g. `fallback` or `elseShow`.'),
    negateProp: described(z.optional(z.string()), 'Boolean prop that inverts the gate, e.g. `not`.'),
    ...patternCommon,
  }),
  'A JSX gate component with a key prop.',
);

export const configEntryPatternSchema = described(
  z.strictObject({
    configEntry: described(nonEmpty(), 'Property name in object literals that holds a flag key, e.g. `flag`.'),
    ...patternCommon,
  }),
  'A declarative config entry such as `{ path: "/x", flag: "new-x" }` in a route table.',
);

export const patternSchema = z.union([
  callPatternSchema,
  propertyPatternSchema,
  elementPatternSchema,
  hookPatternSchema,
  jsxPatternSchema,
  configEntryPatternSchema,
]);
export type PatternConfig = z.infer<typeof patternSchema>;
export type CallPattern = z.infer<typeof callPatternSchema>;
export type PropertyPattern = z.infer<typeof propertyPatternSchema>;
export type ElementPattern = z.infer<typeof elementPatternSchema>;
export type HookPattern = z.infer<typeof hookPatternSchema>;
export type JsxPattern = z.infer<typeof jsxPatternSchema>;
export type ConfigEntryPattern = z.infer<typeof configEntryPatternSchema>;

const tokenEnv = described(
  z.string().check(z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')),
  'Name of the environment variable holding the API token. Tokens never go in this file.',
);

const remoteCommon = {
  timeoutMs: described(z._default(positiveInt(), 5000), 'Request timeout in milliseconds.'),
  retries: described(z._default(count(0).check(z.maximum(10)), 2), 'Retries on 5xx and network errors.'),
  cacheDir: described(z.optional(z.string()), 'Where the last good state is cached (default .flagsweep-cache).'),
  maxPages: described(z._default(positiveInt(), 100), 'Most pages followed in one paginated list.'),
  maxResponseBytes: described(
    z._default(positiveInt(), 50 * 1024 * 1024),
    'Largest response body accepted, in bytes; a larger answer is refused.',
  ),
  deadlineMs: described(z._default(positiveInt(), 60_000), 'Deadline for the whole fetch of a source (every request), in milliseconds.'),
};

export const flagdSourceSchema = z.strictObject({
  type: z.literal('flagd'),
  path: described(z._default(nonEmpty(), 'flags.flagd.json'), 'Path of the flagd flag-definition file, relative to the config file.'),
});

export const unleashSourceSchema = z.strictObject({
  type: z.literal('unleash'),
  url: described(z.url(), 'Unleash base URL, e.g. http://127.0.0.1:4242.'),
  project: z._default(nonEmpty(), 'default'),
  environment: z._default(nonEmpty(), 'production'),
  tokenEnv: z._default(tokenEnv, 'UNLEASH_TOKEN'),
  ...remoteCommon,
});

export const launchDarklySourceSchema = z.strictObject({
  type: z.literal('launchdarkly'),
  project: z._default(nonEmpty(), 'default'),
  environment: z._default(nonEmpty(), 'production'),
  tokenEnv: z._default(tokenEnv, 'LD_API_TOKEN'),
  baseUrl: z._default(z.url(), 'https://app.launchdarkly.com'),
  ...remoteCommon,
});

export const sourceSchema = z.discriminatedUnion('type', [flagdSourceSchema, unleashSourceSchema, launchDarklySourceSchema]);
export type SourceConfig = z.infer<typeof sourceSchema>;
export type FlagdSourceConfig = z.infer<typeof flagdSourceSchema>;
export type UnleashSourceConfig = z.infer<typeof unleashSourceSchema>;
export type LaunchDarklySourceConfig = z.infer<typeof launchDarklySourceSchema>;

export const keyPolicySchema = z._default(
  z.strictObject({
    case: described(z.optional(z.enum(KEY_CASES)), 'Required letter case of flag keys.'),
    pattern: described(z.optional(z.string()), 'Regular expression every key must match.'),
    prefixes: described(z.optional(z.array(z.string())), 'Every key must start with one of these.'),
    prefixesByType: described(
      z.optional(z.record(z.string(), z.array(z.string()))),
      'Required prefixes per @flagType, e.g. { "experiment": ["exp-"] }.',
    ),
    maxLength: z.optional(positiveInt()),
  }),
  {},
);
export type KeyPolicy = z.infer<typeof keyPolicySchema>;

export const lifecycleSchema = z._default(
  z.strictObject({
    staleAfterDays: described(z._default(count(0), 30), 'A flag serving one constant value this long is stale.'),
    warnBeforeExpiryDays: described(z._default(count(0), 14), 'A flag this close to expiry is "expiring".'),
    maxLifetimeDays: described(
      z._default(z.record(z.string(), positiveInt()), { release: 90, experiment: 60 }),
      'Longest allowed lifetime per flag type.',
    ),
    permanentTypes: described(z._default(z.array(z.string()), ['ops', 'permission']), 'Flag types allowed to use @expires never.'),
  }),
  { staleAfterDays: 30, warnBeforeExpiryDays: 14, maxLifetimeDays: { release: 90, experiment: 60 }, permanentTypes: ['ops', 'permission'] },
);
export type LifecyclePolicy = z.infer<typeof lifecycleSchema>;

export const DEFAULT_INCLUDE = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/out/**', '**/coverage/**', '**/*.d.ts', '**/*.min.js'];

export const configSchema = z.strictObject({
  $schema: z.optional(z.string()),
  include: described(z._default(z.array(z.string()), DEFAULT_INCLUDE), 'Globs of files to scan, relative to the config file.'),
  exclude: described(z._default(z.array(z.string()), DEFAULT_EXCLUDE), 'Globs of files to skip.'),
  gitignore: described(z._default(z.boolean(), true), 'Skip files ignored by .gitignore.'),
  maxFileBytes: described(
    z._default(positiveInt(), 2 * 1024 * 1024),
    'Source files larger than this (in bytes) are skipped and listed, not scanned (generated bundles).',
  ),
  sdks: described(z._default(z.array(z.enum(SDK_PRESET_IDS)), [...SDK_PRESET_IDS]), 'SDK presets to detect.'),
  globalSdks: described(
    z._default(z.array(z.enum(SDK_PRESET_IDS)), []),
    'SDK presets whose client is a global (no import needed in the file for the preset to match).',
  ),
  patterns: described(z._default(z.array(patternSchema), []), 'Custom patterns for in-house flag APIs.'),
  aliases: described(
    z._default(z.record(z.string(), z.string()), {}),
    'Identifier or member path → flag key, for what resolution cannot follow.',
  ),
  keys: keyPolicySchema,
  source: described(
    z._default(z.union([sourceSchema, z.array(sourceSchema).check(z.minLength(1))]), { type: 'flagd', path: 'flags.flagd.json' }),
    'Where flag state comes from; several sources are merged in order.',
  ),
  lifecycle: lifecycleSchema,
  owners: described(
    z._default(z.record(z.string(), z.union([nonEmpty(), z.array(nonEmpty())])), {}),
    'Flag owner → reviewers for sweep pull requests, e.g. { "payments": "@acme/payments" }; CODEOWNERS of the changed files are added.',
  ),
});

/** The config as written (input) and as validated with defaults filled in (output). */
export type FlagsweepConfigInput = z.input<typeof configSchema>;
export type FlagsweepConfig = z.output<typeof configSchema>;
