import type { ValueKind } from '../model';
import type { SdkPresetId } from './schema';

/**
 * What each supported SDK looks like in code. A preset's patterns only match in a file that imports one of the
 * preset's modules (or when the preset is listed in `globalSdks`), which is what keeps `*.isEnabled` precise.
 *
 * `call` forms:
 *  - `*.name`  a method on any receiver (the SDK client: `client.getBooleanValue(...)`);
 *  - `name`    a function exported by the SDK module, matched through the file's import binding
 *              (`import { useFlag as useToggle } from '@unleash/proxy-client-react'` makes `useToggle('x')` match).
 */
export interface PresetCall {
  call: string;
  /** Argument index of the key (default 0). */
  key?: number;
  /** Argument index of the code default value. */
  default?: number;
  /** The key argument is an array of keys (Flagsmith React `useFlags(['a', 'b'])`): one check per element. */
  keyList?: boolean;
  /** What the call returns when the flag is missing and no default argument is written. */
  implicitDefault?: unknown;
  negate?: boolean;
  /** 'infer': 'boolean' when the written default is a boolean literal, else 'value'. */
  evaluates: 'boolean' | 'value' | 'infer';
  /** The kind of value the method returns; absent: from the default argument, else from use. */
  valueKind?: ValueKind;
  /** Only active when one of these modules is imported (default: any module of the preset). */
  modules?: string[];
}

export interface PresetHook {
  /** A function exported by the SDK returning an object of all flags (`useFlags()`), read by destructuring or member access. */
  hook: string;
  keyForm: 'as-is' | 'camelCase';
  evaluates: 'boolean' | 'value';
  valueKind?: ValueKind;
  modules?: string[];
}

export interface PresetJsx {
  /** A gate component exported by the SDK. */
  jsx: string;
  keyProp: string;
  evaluates: 'boolean' | 'value';
  valueKind?: ValueKind;
  modules?: string[];
}

/** A flag defined in code by a factory (Vercel `flag({ key: 'x', decide })`); calling the result reads the flag. */
export interface PresetDefinition {
  definition: string;
  keyProperty: string;
  evaluates: 'value';
  valueKind?: ValueKind;
  modules?: string[];
}

export type PresetPattern = PresetCall | PresetHook | PresetJsx | PresetDefinition;

export interface SdkPreset {
  id: SdkPresetId;
  title: string;
  /** Module specifiers whose import activates the preset (a subpath such as `posthog-js/react` counts too). */
  modules: string[];
  /** Substrings a file importing the SDK must contain, any one of them (default: the module names). */
  prefilterTokens?: string[];
  patterns: PresetPattern[];
}

const OPENFEATURE_CLIENT = ['@openfeature/server-sdk', '@openfeature/web-sdk', '@openfeature/js-sdk', '@openfeature/nestjs-sdk', '@openfeature/angular-sdk'];
const OPENFEATURE_REACT = ['@openfeature/react-sdk'];
// `get…Details` returns an evaluation-details object ({ value, variant, reason }), not the value itself.
const openFeatureTyped = (suffix: 'Value' | 'Details'): PresetCall[] => [
  { call: `*.getBoolean${suffix}`, default: 1, evaluates: 'boolean', valueKind: suffix === 'Value' ? 'boolean' : 'variant' },
  { call: `*.getString${suffix}`, default: 1, evaluates: 'value', valueKind: suffix === 'Value' ? 'string' : 'variant' },
  { call: `*.getNumber${suffix}`, default: 1, evaluates: 'value', valueKind: suffix === 'Value' ? 'number' : 'variant' },
  { call: `*.getObject${suffix}`, default: 1, evaluates: 'value', valueKind: suffix === 'Value' ? 'object' : 'variant' },
];

const LD_SERVER = ['@launchdarkly/node-server-sdk', 'launchdarkly-node-server-sdk', '@launchdarkly/server-sdk-ai', '@launchdarkly/vercel-server-sdk', '@launchdarkly/cloudflare-server-sdk'];
const LD_CLIENT = ['launchdarkly-js-client-sdk', '@launchdarkly/js-client-sdk', 'launchdarkly-react-client-sdk', '@launchdarkly/react-native-client-sdk', '@launchdarkly/react-universal-sdk'];
// `variation` reads whatever kind its default has; `…Detail` returns a detail object ({ value, variationIndex, reason }).
const ldVariations = (defaultIndex: number, modules: string[]): PresetCall[] => [
  { call: '*.variation', default: defaultIndex, evaluates: 'value', modules },
  { call: '*.variationDetail', default: defaultIndex, evaluates: 'value', valueKind: 'variant', modules },
  { call: '*.boolVariation', default: defaultIndex, evaluates: 'boolean', valueKind: 'boolean', modules },
  { call: '*.boolVariationDetail', default: defaultIndex, evaluates: 'boolean', valueKind: 'variant', modules },
  { call: '*.stringVariation', default: defaultIndex, evaluates: 'value', valueKind: 'string', modules },
  { call: '*.numberVariation', default: defaultIndex, evaluates: 'value', valueKind: 'number', modules },
  { call: '*.jsonVariation', default: defaultIndex, evaluates: 'value', modules },
  { call: '*.stringVariationDetail', default: defaultIndex, evaluates: 'value', valueKind: 'variant', modules },
  { call: '*.numberVariationDetail', default: defaultIndex, evaluates: 'value', valueKind: 'variant', modules },
  { call: '*.jsonVariationDetail', default: defaultIndex, evaluates: 'value', valueKind: 'variant', modules },
];

export const SDK_PRESETS: Record<SdkPresetId, SdkPreset> = {
  openfeature: {
    id: 'openfeature',
    title: 'OpenFeature',
    prefilterTokens: ['@openfeature/'],
    modules: [...OPENFEATURE_CLIENT, ...OPENFEATURE_REACT],
    patterns: [
      ...openFeatureTyped('Value'),
      ...openFeatureTyped('Details'),
      { call: 'useFlag', default: 1, evaluates: 'infer', modules: OPENFEATURE_REACT },
      { call: 'useSuspenseFlag', default: 1, evaluates: 'infer', modules: OPENFEATURE_REACT },
      { call: 'useBooleanFlagValue', default: 1, evaluates: 'boolean', valueKind: 'boolean', modules: OPENFEATURE_REACT },
      { call: 'useBooleanFlagDetails', default: 1, evaluates: 'boolean', valueKind: 'variant', modules: OPENFEATURE_REACT },
      { call: 'useStringFlagValue', default: 1, evaluates: 'value', valueKind: 'string', modules: OPENFEATURE_REACT },
      { call: 'useStringFlagDetails', default: 1, evaluates: 'value', valueKind: 'variant', modules: OPENFEATURE_REACT },
      { call: 'useNumberFlagValue', default: 1, evaluates: 'value', valueKind: 'number', modules: OPENFEATURE_REACT },
      { call: 'useNumberFlagDetails', default: 1, evaluates: 'value', valueKind: 'variant', modules: OPENFEATURE_REACT },
      { call: 'useObjectFlagValue', default: 1, evaluates: 'value', valueKind: 'object', modules: OPENFEATURE_REACT },
      { call: 'useObjectFlagDetails', default: 1, evaluates: 'value', valueKind: 'variant', modules: OPENFEATURE_REACT },
    ],
  },
  launchdarkly: {
    id: 'launchdarkly',
    title: 'LaunchDarkly',
    prefilterTokens: ['launchdarkly'],
    modules: [...LD_SERVER, ...LD_CLIENT],
    patterns: [
      // Server SDKs take (key, context, default); browser/React clients take (key, default).
      ...ldVariations(2, LD_SERVER),
      ...ldVariations(1, LD_CLIENT),
      { hook: 'useFlags', keyForm: 'camelCase', evaluates: 'value', modules: ['launchdarkly-react-client-sdk', '@launchdarkly/react-universal-sdk'] },
      { call: 'useBoolVariation', default: 1, evaluates: 'boolean', valueKind: 'boolean', modules: ['@launchdarkly/react-universal-sdk', '@launchdarkly/react-native-client-sdk'] },
      { call: 'useStringVariation', default: 1, evaluates: 'value', valueKind: 'string', modules: ['@launchdarkly/react-universal-sdk', '@launchdarkly/react-native-client-sdk'] },
      { call: 'useNumberVariation', default: 1, evaluates: 'value', valueKind: 'number', modules: ['@launchdarkly/react-universal-sdk', '@launchdarkly/react-native-client-sdk'] },
      { call: 'useJsonVariation', default: 1, evaluates: 'value', modules: ['@launchdarkly/react-universal-sdk', '@launchdarkly/react-native-client-sdk'] },
    ],
  },
  unleash: {
    id: 'unleash',
    title: 'Unleash',
    prefilterTokens: ['unleash'],
    modules: ['unleash-client', 'unleash-proxy-client', '@unleash/proxy-client-react', '@unleash/nextjs', '@unleash/proxy-client-vue', '@unleash/proxy-client-svelte'],
    patterns: [
      { call: '*.isEnabled', default: 2, implicitDefault: false, evaluates: 'boolean', modules: ['unleash-client'] },
      { call: 'isEnabled', default: 2, implicitDefault: false, evaluates: 'boolean', modules: ['unleash-client'] },
      { call: '*.getVariant', evaluates: 'value', valueKind: 'variant', modules: ['unleash-client'] },
      { call: 'getVariant', evaluates: 'value', valueKind: 'variant', modules: ['unleash-client'] },
      { call: '*.isEnabled', implicitDefault: false, evaluates: 'boolean', modules: ['unleash-proxy-client', '@unleash/proxy-client-react', '@unleash/nextjs', '@unleash/proxy-client-vue', '@unleash/proxy-client-svelte'] },
      { call: '*.getVariant', evaluates: 'value', valueKind: 'variant', modules: ['unleash-proxy-client', '@unleash/proxy-client-react', '@unleash/nextjs', '@unleash/proxy-client-vue', '@unleash/proxy-client-svelte'] },
      { call: 'useFlag', implicitDefault: false, evaluates: 'boolean' },
      { call: 'useVariant', evaluates: 'value', valueKind: 'variant' },
    ],
  },
  growthbook: {
    id: 'growthbook',
    title: 'GrowthBook',
    prefilterTokens: ['@growthbook/'],
    modules: ['@growthbook/growthbook', '@growthbook/growthbook-react', '@growthbook/edge-utils'],
    patterns: [
      { call: '*.isOn', implicitDefault: false, evaluates: 'boolean' },
      { call: '*.isOff', implicitDefault: true, negate: true, evaluates: 'boolean' },
      { call: '*.getFeatureValue', default: 1, evaluates: 'infer' },
      { call: '*.evalFeature', evaluates: 'value', valueKind: 'variant' },
      { call: 'useFeatureIsOn', implicitDefault: false, evaluates: 'boolean' },
      { call: 'useFeatureValue', default: 1, evaluates: 'infer' },
      { call: 'useFeature', evaluates: 'value', valueKind: 'variant' },
      { jsx: 'IfFeatureEnabled', keyProp: 'feature', evaluates: 'boolean' },
      { jsx: 'FeatureString', keyProp: 'feature', evaluates: 'value', valueKind: 'string' },
    ],
  },
  flagsmith: {
    id: 'flagsmith',
    title: 'Flagsmith',
    prefilterTokens: ['flagsmith'],
    modules: ['flagsmith', 'flagsmith-nodejs', 'react-native-flagsmith', 'flagsmith-es'],
    patterns: [
      { call: '*.hasFeature', implicitDefault: false, evaluates: 'boolean' },
      { call: '*.getValue', evaluates: 'value' },
      { call: '*.isFeatureEnabled', implicitDefault: false, evaluates: 'boolean' },
      { call: '*.getFeatureValue', evaluates: 'value' },
      { call: 'useFlags', keyList: true, evaluates: 'value', valueKind: 'variant', modules: ['flagsmith/react', 'react-native-flagsmith/react'] },
    ],
  },
  configcat: {
    id: 'configcat',
    title: 'ConfigCat',
    prefilterTokens: ['configcat'],
    modules: ['configcat-node', 'configcat-js', 'configcat-js-ssr', 'configcat-react', 'configcat-common', '@configcat/sdk'],
    patterns: [
      { call: '*.getValueAsync', default: 1, evaluates: 'infer' },
      { call: '*.getValue', default: 1, evaluates: 'infer' },
      { call: '*.getValueDetailsAsync', default: 1, evaluates: 'infer', valueKind: 'variant' },
      { call: '*.getValueDetails', default: 1, evaluates: 'infer', valueKind: 'variant' },
      // configcat-react's hook returns { value, loading }.
      { call: 'useFeatureFlag', default: 1, evaluates: 'infer', valueKind: 'variant', modules: ['configcat-react'] },
    ],
  },
  posthog: {
    id: 'posthog',
    title: 'PostHog',
    prefilterTokens: ['posthog'],
    modules: ['posthog-js', 'posthog-node', 'posthog-react-native'],
    patterns: [
      { call: '*.isFeatureEnabled', evaluates: 'boolean' },
      { call: '*.getFeatureFlag', evaluates: 'value' },
      { call: '*.getFeatureFlagPayload', evaluates: 'value' },
      { call: 'useFeatureFlagEnabled', evaluates: 'boolean' },
      { call: 'useFeatureFlagVariantKey', evaluates: 'value' },
      { call: 'useFeatureFlagPayload', evaluates: 'value' },
      { jsx: 'PostHogFeature', keyProp: 'flag', evaluates: 'boolean' },
    ],
  },
  'vercel-flags': {
    id: 'vercel-flags',
    title: 'Vercel Flags SDK',
    modules: ['flags', '@vercel/flags'],
    // "flags" alone is far too common a word; an import of the package is quoted.
    prefilterTokens: ["'flags", '"flags', '@vercel/flags'],
    patterns: [{ definition: 'flag', keyProperty: 'key', evaluates: 'value' }],
  },
};

/** Does `specifier` (as written in an import) name one of `modules` or a subpath of one (`posthog-js/react`)? */
export function moduleMatches(specifier: string, modules: readonly string[]): boolean {
  for (const m of modules) {
    if (specifier === m || (specifier.length > m.length && specifier.startsWith(m) && specifier[m.length] === '/')) return true;
  }
  return false;
}
