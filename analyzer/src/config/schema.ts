import { z } from 'zod';

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

const patternCommon = {
  /** Free-form label shown in reports. */
  name: z.string().optional().describe('Label for this pattern in reports.'),
  /** What the check yields: a boolean (default for negate/isEnabled-like APIs) or a value (variants). */
  evaluates: z.enum(['boolean', 'value']).optional().describe('Whether the check yields a boolean or a variant value.'),
  /** The kind of value the check reads; without it, the kind is inferred from the default argument and from use. */
  type: z
    .enum(VALUE_TYPES)
    .optional()
    .describe('Kind of value the check reads (cleanup only substitutes values of this kind); inferred from the default argument and use when absent.'),
};

export const callPatternSchema = z
  .strictObject({
    call: z
      .string()
      .min(1)
      .describe('Callee path matched as a suffix of the written callee; `*.x` matches any receiver, `x` a bare call.'),
    key: z.number().int().min(0).default(0).describe('Index of the argument that holds the flag key.'),
    default: z.number().int().min(0).optional().describe('Index of the argument that holds the code default value.'),
    negate: z.boolean().default(false).describe('The API answers "is it off" (isDisabled).'),
    ...patternCommon,
  })
  .describe('A call whose argument is the flag key.');

export const propertyPatternSchema = z
  .strictObject({
    property: z.string().min(1).describe('Object path whose member name is the key, e.g. `uiConfig.flags`.'),
    ...patternCommon,
  })
  .describe('A property access whose member name is the key.');

export const elementPatternSchema = z
  .strictObject({
    element: z.string().min(1).describe('Object path indexed by the key, e.g. `featureFlags`.'),
    ...patternCommon,
  })
  .describe('An element access whose index is the key.');

export const hookPatternSchema = z
  .strictObject({
    hook: z.string().min(1).describe('Hook (or function) returning an object of flags, e.g. `useFlags`.'),
    destructure: z.boolean().default(true).describe('Keys are read by destructuring or member access on the result.'),
    keyForm: z
      .enum(['as-is', 'camelCase'])
      .default('as-is')
      .describe('How member names relate to source keys (LaunchDarkly React uses camelCase).'),
    ...patternCommon,
  })
  .describe('A hook whose result is destructured or accessed by member.');

export const jsxPatternSchema = z
  .strictObject({
    jsx: z.string().min(1).describe('Gate component name, e.g. `Feature`.'),
    keyProp: z.string().min(1).default('flag').describe('Prop holding the flag key.'),
    valueProp: z.string().optional().describe('Prop holding the value the children need (variant gates).'),
    elseProp: z.string().optional().describe('Prop rendered when the flag is off, e.g. `fallback` or `elseShow`.'),
    negateProp: z.string().optional().describe('Boolean prop that inverts the gate, e.g. `not`.'),
    ...patternCommon,
  })
  .describe('A JSX gate component with a key prop.');

export const configEntryPatternSchema = z
  .strictObject({
    configEntry: z.string().min(1).describe('Property name in object literals that holds a flag key, e.g. `flag`.'),
    ...patternCommon,
  })
  .describe('A declarative config entry such as `{ path: "/x", flag: "new-x" }` in a route table.');

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

const tokenEnv = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
  .describe('Name of the environment variable holding the API token. Tokens never go in this file.');

const remoteCommon = {
  timeoutMs: z.number().int().positive().default(5000).describe('Request timeout in milliseconds.'),
  retries: z.number().int().min(0).max(10).default(2).describe('Retries on 5xx and network errors.'),
  cacheDir: z.string().optional().describe('Where the last good state is cached (default .flagsweep-cache).'),
  maxPages: z.number().int().positive().default(100).describe('Most pages followed in one paginated list.'),
  maxResponseBytes: z
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024)
    .describe('Largest response body accepted, in bytes; a larger answer is refused.'),
  deadlineMs: z.number().int().positive().default(60_000).describe('Deadline for the whole fetch of a source (every request), in milliseconds.'),
};

export const flagdSourceSchema = z.strictObject({
  type: z.literal('flagd'),
  path: z.string().min(1).default('flags.flagd.json').describe('Path of the flagd flag-definition file, relative to the config file.'),
});

export const unleashSourceSchema = z.strictObject({
  type: z.literal('unleash'),
  url: z.string().url().describe('Unleash base URL, e.g. http://127.0.0.1:4242.'),
  project: z.string().min(1).default('default'),
  environment: z.string().min(1).default('production'),
  tokenEnv: tokenEnv.default('UNLEASH_TOKEN'),
  ...remoteCommon,
});

export const launchDarklySourceSchema = z.strictObject({
  type: z.literal('launchdarkly'),
  project: z.string().min(1).default('default'),
  environment: z.string().min(1).default('production'),
  tokenEnv: tokenEnv.default('LD_API_TOKEN'),
  baseUrl: z.string().url().default('https://app.launchdarkly.com'),
  ...remoteCommon,
});

export const sourceSchema = z.discriminatedUnion('type', [flagdSourceSchema, unleashSourceSchema, launchDarklySourceSchema]);
export type SourceConfig = z.infer<typeof sourceSchema>;
export type FlagdSourceConfig = z.infer<typeof flagdSourceSchema>;
export type UnleashSourceConfig = z.infer<typeof unleashSourceSchema>;
export type LaunchDarklySourceConfig = z.infer<typeof launchDarklySourceSchema>;

export const keyPolicySchema = z
  .strictObject({
    case: z.enum(KEY_CASES).optional().describe('Required letter case of flag keys.'),
    pattern: z.string().optional().describe('Regular expression every key must match.'),
    prefixes: z.array(z.string()).optional().describe('Every key must start with one of these.'),
    prefixesByType: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('Required prefixes per @flagType, e.g. { "experiment": ["exp-"] }.'),
    maxLength: z.number().int().positive().optional(),
  })
  .default({});
export type KeyPolicy = z.infer<typeof keyPolicySchema>;

export const lifecycleSchema = z
  .strictObject({
    staleAfterDays: z.number().int().min(0).default(30).describe('A flag serving one constant value this long is stale.'),
    warnBeforeExpiryDays: z.number().int().min(0).default(14).describe('A flag this close to expiry is "expiring".'),
    maxLifetimeDays: z
      .record(z.string(), z.number().int().positive())
      .default({ release: 90, experiment: 60 })
      .describe('Longest allowed lifetime per flag type.'),
    permanentTypes: z.array(z.string()).default(['ops', 'permission']).describe('Flag types allowed to use @expires never.'),
  })
  .default({ staleAfterDays: 30, warnBeforeExpiryDays: 14, maxLifetimeDays: { release: 90, experiment: 60 }, permanentTypes: ['ops', 'permission'] });
export type LifecyclePolicy = z.infer<typeof lifecycleSchema>;

export const DEFAULT_INCLUDE = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/out/**', '**/coverage/**', '**/*.d.ts', '**/*.min.js'];

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  include: z.array(z.string()).default(DEFAULT_INCLUDE).describe('Globs of files to scan, relative to the config file.'),
  exclude: z.array(z.string()).default(DEFAULT_EXCLUDE).describe('Globs of files to skip.'),
  gitignore: z.boolean().default(true).describe('Skip files ignored by .gitignore.'),
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024)
    .describe('Source files larger than this (in bytes) are skipped and listed, not scanned (generated bundles).'),
  sdks: z.array(z.enum(SDK_PRESET_IDS)).default([...SDK_PRESET_IDS]).describe('SDK presets to detect.'),
  globalSdks: z
    .array(z.enum(SDK_PRESET_IDS))
    .default([])
    .describe('SDK presets whose client is a global (no import needed in the file for the preset to match).'),
  patterns: z.array(patternSchema).default([]).describe('Custom patterns for in-house flag APIs.'),
  aliases: z
    .record(z.string(), z.string())
    .default({})
    .describe('Identifier or member path → flag key, for what resolution cannot follow.'),
  keys: keyPolicySchema,
  source: z
    .union([sourceSchema, z.array(sourceSchema).min(1)])
    .default({ type: 'flagd', path: 'flags.flagd.json' })
    .describe('Where flag state comes from; several sources are merged in order.'),
  lifecycle: lifecycleSchema,
  owners: z
    .record(z.string(), z.union([z.string().min(1), z.array(z.string().min(1))]))
    .default({})
    .describe('Flag owner → reviewers for sweep pull requests, e.g. { "payments": "@acme/payments" }; CODEOWNERS of the changed files are added.'),
});

/** The config as written (input) and as validated with defaults filled in (output). */
export type FlagsweepConfigInput = z.input<typeof configSchema>;
export type FlagsweepConfig = z.output<typeof configSchema>;
