import type { CheckEvaluates, ValueKind } from '../model';
import type { ResolvedConfig } from '../config/load';
import type { PatternConfig } from '../config/schema';
import { SDK_PRESETS, type PresetPattern } from '../config/presets';
import { escapeRegExp } from '../text/regexp';

/** Where a matcher comes from: an SDK preset (active only where its modules are imported) or the config. */
export interface MatcherOrigin {
  /** Preset id or 'custom'. */
  sdk: string;
  /** Modules whose import activates the matcher; undefined for custom patterns and global SDKs. */
  modules?: readonly string[];
  /** `pattern` text shown in reports, e.g. `*.getBooleanValue(key=0)`. */
  description: string;
  /** The kind of value the API or the pattern's `type` declares; absent: from the default argument, else from use. */
  valueKind?: ValueKind;
  /** A custom pattern with neither `evaluates` nor `type`: a non-boolean kind found from use makes its checks read a value. */
  evaluatesFromUse?: boolean;
}

/**
 * A call whose argument is the key. `callee` segments are matched as a suffix of the written callee;
 * a leading '*' needs at least one receiver segment. `imported` matchers (preset functions such as `useFlag`)
 * match through the file's import bindings instead.
 */
export interface CallMatcher extends MatcherOrigin {
  kind: 'call';
  callee: readonly string[];
  imported: boolean;
  keyArg: number;
  /** The key argument is an array literal of keys. */
  keyList: boolean;
  defaultArg?: number;
  implicitDefault?: unknown;
  hasImplicitDefault: boolean;
  negate: boolean;
  evaluates: CheckEvaluates | 'infer';
}

/** An object path whose member (property or element) is the key: `config.featureToggles.newNav`, `featureFlags[FLAGS.X]`. */
export interface MemberMatcher extends MatcherOrigin {
  kind: 'member';
  path: readonly string[];
  evaluates: CheckEvaluates;
}

/** A call returning an object of flags, read by destructuring or member access. */
export interface HookMatcher extends MatcherOrigin {
  kind: 'hook';
  callee: readonly string[];
  imported: boolean;
  keyForm: 'as-is' | 'camelCase';
  evaluates: CheckEvaluates;
}

export interface JsxMatcher extends MatcherOrigin {
  kind: 'jsx';
  tag: readonly string[];
  imported: boolean;
  keyProp: string;
  valueProp?: string;
  negateProp?: string;
  evaluates: CheckEvaluates;
}

export interface ConfigEntryMatcher extends MatcherOrigin {
  kind: 'config-entry';
  property: string;
  evaluates: CheckEvaluates;
}

/** A flag factory (`flag({ key })`): the call defines a flag; calling what it returns reads the flag. */
export interface DefinitionMatcher extends MatcherOrigin {
  kind: 'definition';
  callee: string;
  keyProperty: string;
  evaluates: CheckEvaluates;
}

export type Matcher = CallMatcher | MemberMatcher | HookMatcher | JsxMatcher | ConfigEntryMatcher | DefinitionMatcher;

/** The compiled form of `config.sdks` + `config.patterns`, indexed for the AST walk, plus the prefilter tokens. */
export interface PatternSet {
  /** Call and hook matchers by the last segment of their callee (or their exported name for `imported` ones). */
  callsByName: Map<string, (CallMatcher | HookMatcher | DefinitionMatcher)[]>;
  /** Member matchers by the last segment of their object path. */
  membersByLast: Map<string, MemberMatcher[]>;
  jsxByName: Map<string, JsxMatcher[]>;
  configEntries: Map<string, ConfigEntryMatcher>;
  /** Preset id → the modules that activate it. */
  presetModules: Map<string, readonly string[]>;
  globalSdks: ReadonlySet<string>;
  aliases: ReadonlyMap<string, string>;
  /** Every substring the prefilter looks for. */
  prefilterTokens: readonly string[];
  /**
   * A file can hold a flag check only if it satisfies every test of at least one group: the first is a substring
   * (the anchor the one-pass regular expression looks for), the rest substrings or patterns. Groups: a preset's
   * module name in quotes as an import has it, all named segments of a custom pattern (`flags` and `isEnabled`
   * for `flags.isEnabled`), `@flag`, ...
   */
  prefilterGroups: readonly PrefilterGroup[];
  /** Names of flag functions defined with a flag factory (`export const showBanner = flag({...})`), learned while scanning. */
  definedFlagFunctions: Set<string>;
  /** Whether any flag-factory matcher is enabled, and the modules providing factories. */
  hasDefinitions: boolean;
  definitionModules: string[];
  /** A regular expression finding the first token of any group, rebuilt when definedFlagFunctions grows. */
  prefilter: { source: RegExp; functionCount: number };
}

export type PrefilterGroup = readonly [string, ...(string | RegExp)[]];

export const ANNOTATION_TOKEN = '@flag';

export function compilePatterns(config: Pick<ResolvedConfig, 'sdks' | 'globalSdks' | 'patterns' | 'aliases'>): PatternSet {
  const set: PatternSet = {
    callsByName: new Map(),
    membersByLast: new Map(),
    jsxByName: new Map(),
    configEntries: new Map(),
    presetModules: new Map(),
    globalSdks: new Set(config.globalSdks),
    aliases: new Map(Object.entries(config.aliases ?? {})),
    prefilterTokens: [],
    prefilterGroups: [],
    definedFlagFunctions: new Set(),
    hasDefinitions: false,
    definitionModules: [],
    prefilter: { source: /$^/, functionCount: 0 },
  };
  const groups = new Map<string, PrefilterGroup>();
  const addGroup = (tokens: PrefilterGroup) => groups.set(tokens.map(String).join('\0'), tokens);
  // `@flags/keys` (a path alias) is not an annotation.
  addGroup([ANNOTATION_TOKEN, /@flag(Type)?\b/]);
  // Custom patterns come first: a user's pattern wins over a preset on the same call.
  for (const p of config.patterns) {
    const matcher = customMatcher(p);
    addMatcher(set, matcher);
    addGroup(groupFor(matcher));
  }
  for (const id of config.sdks) {
    const preset = SDK_PRESETS[id];
    set.presetModules.set(id, preset.modules);
    const isGlobal = set.globalSdks.has(id);
    if (!isGlobal) for (const t of preset.prefilterTokens ?? preset.modules) addGroup([t, quotedModule(preset.modules)]);
    for (const p of preset.patterns) {
      const matcher = presetMatcher(id, preset.modules, p, isGlobal);
      addMatcher(set, matcher);
      if (isGlobal) addGroup(groupFor(matcher));
    }
  }
  set.prefilterGroups = [...groups.values()];
  set.prefilterTokens = [...new Set(set.prefilterGroups.map((g) => g[0]))].sort();
  set.prefilter = { source: tokenRegExp(anchors(set.prefilterGroups.map((g) => g[0]))), functionCount: 0 };
  return set;
}

/**
 * An import of one of `modules` as the preset's activation needs it: `from 'm'`, `import 'm'`, `import('m')`, `require('m')`,
 * possibly with a subpath. A module name that is merely quoted (a string constant, a comment) does not count.
 */
function quotedModule(modules: readonly string[]): RegExp {
  const names = modules.map(escapeRegExp);
  return new RegExp(`(?:\\bfrom|\\bimport\\s*\\(?|\\brequire\\s*\\()\\s*['"](?:${names.join('|')})(?:/[^'"]*)?['"]`);
}

/** The substrings a file must contain for `m` to match in it; the most specific (last) segment first. */
function groupFor(m: Matcher): PrefilterGroup {
  const named = (segs: readonly string[]) => segs.filter((s) => s !== '*' && s !== 'this').reverse() as unknown as PrefilterGroup;
  switch (m.kind) {
    case 'call':
    case 'hook':
      return named(m.callee);
    case 'member':
      return named(m.path);
    case 'jsx':
      return [m.tag[m.tag.length - 1], `<${m.tag[0]}`];
    case 'config-entry':
      return [m.property];
    case 'definition':
      return [m.callee];
  }
}

/**
 * The tokens the first prefilter pass searches for: a token containing another one is dropped, since any file
 * holding it holds the shorter one too (fewer alternatives make a faster regular expression).
 */
export function anchors(tokens: readonly string[]): string[] {
  const unique = [...new Set(tokens)];
  return unique.filter((t) => !unique.some((o) => o !== t && t.includes(o)));
}

export function tokenRegExp(tokens: readonly string[]): RegExp {
  const escaped = tokens.map(escapeRegExp);
  return escaped.length ? new RegExp(escaped.join('|')) : /$^/;
}

function addMatcher(set: PatternSet, m: Matcher): void {
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  switch (m.kind) {
    case 'call':
    case 'hook':
      push(set.callsByName, m.callee[m.callee.length - 1], m);
      break;
    case 'definition':
      push(set.callsByName, m.callee, m);
      set.hasDefinitions = true;
      set.definitionModules.push(...(m.modules ?? []));
      break;
    case 'member':
      push(set.membersByLast, m.path[m.path.length - 1], m);
      break;
    case 'jsx':
      push(set.jsxByName, m.tag[m.tag.length - 1], m);
      break;
    case 'config-entry':
      set.configEntries.set(m.property, m);
      break;
  }
}

function segments(path: string): string[] {
  return path
    .split('.')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function presetMatcher(sdk: string, presetModules: readonly string[], p: PresetPattern, isGlobal: boolean): Matcher {
  const modules = isGlobal ? undefined : (p.modules ?? presetModules);
  if ('call' in p) {
    const callee = segments(p.call);
    const keyArg = p.key ?? 0;
    return {
      kind: 'call',
      sdk,
      modules,
      callee,
      // Without an import to go through, a global SDK's functions are matched by name.
      imported: callee[0] !== '*' && !isGlobal,
      keyArg,
      keyList: p.keyList ?? false,
      defaultArg: p.default,
      implicitDefault: p.implicitDefault,
      hasImplicitDefault: 'implicitDefault' in p,
      negate: p.negate ?? false,
      evaluates: p.evaluates,
      description: describeCall(p.call, keyArg, p.negate ?? false),
      valueKind: p.valueKind ?? (p.evaluates === 'boolean' ? 'boolean' : undefined),
    };
  }
  if ('hook' in p) {
    return { kind: 'hook', sdk, modules, callee: [p.hook], imported: !isGlobal, keyForm: p.keyForm, evaluates: p.evaluates, description: `${p.hook}() destructured`, valueKind: p.valueKind };
  }
  if ('jsx' in p) {
    return { kind: 'jsx', sdk, modules, tag: [p.jsx], imported: !isGlobal, keyProp: p.keyProp, evaluates: p.evaluates, description: `<${p.jsx} ${p.keyProp}>`, valueKind: p.valueKind ?? (p.evaluates === 'boolean' ? 'boolean' : undefined) };
  }
  return { kind: 'definition', sdk, modules, callee: p.definition, keyProperty: p.keyProperty, evaluates: p.evaluates, description: `${p.definition}({ ${p.keyProperty} })`, valueKind: p.valueKind };
}

function describeCall(call: string, keyArg: number, negate: boolean): string {
  return `${call}(key=${keyArg})${negate ? ' negated' : ''}`;
}

/**
 * A custom pattern's value kind and what it evaluates to: `type` and `evaluates` when written; otherwise a boolean
 * read, unless the default argument or the use of a check shows another kind.
 */
function customKind(p: PatternConfig): Pick<MatcherOrigin, 'valueKind' | 'evaluatesFromUse'> & { evaluates?: CheckEvaluates } {
  if (p.type) return { valueKind: p.type, evaluates: p.evaluates ?? (p.type === 'boolean' ? 'boolean' : 'value') };
  if (p.evaluates) return { valueKind: p.evaluates === 'boolean' ? 'boolean' : undefined, evaluates: p.evaluates };
  return { evaluatesFromUse: true };
}

function customMatcher(p: PatternConfig): Matcher {
  const sdk = 'custom';
  const kind = customKind(p);
  const declared = { valueKind: kind.valueKind, evaluatesFromUse: kind.evaluatesFromUse };
  if ('call' in p) {
    return {
      kind: 'call',
      sdk,
      callee: segments(p.call),
      imported: false,
      keyArg: p.key,
      keyList: false,
      defaultArg: p.default,
      hasImplicitDefault: false,
      negate: p.negate,
      evaluates: kind.evaluates ?? 'boolean',
      description: p.name ?? describeCall(p.call, p.key, p.negate),
      ...declared,
    };
  }
  if ('property' in p) {
    return { kind: 'member', sdk, path: segments(p.property), evaluates: kind.evaluates ?? 'boolean', description: p.name ?? `${p.property}.<key>`, ...declared };
  }
  if ('element' in p) {
    return { kind: 'member', sdk, path: segments(p.element), evaluates: kind.evaluates ?? 'boolean', description: p.name ?? `${p.element}[<key>]`, ...declared };
  }
  if ('hook' in p) {
    return {
      kind: 'hook',
      sdk,
      callee: segments(p.hook),
      imported: false,
      keyForm: p.keyForm,
      evaluates: kind.evaluates ?? 'boolean',
      description: p.name ?? `${p.hook}() destructured`,
      ...declared,
    };
  }
  if ('jsx' in p) {
    return {
      kind: 'jsx',
      sdk,
      tag: segments(p.jsx),
      imported: false,
      keyProp: p.keyProp,
      valueProp: p.valueProp,
      negateProp: p.negateProp,
      evaluates: kind.evaluates ?? (p.valueProp ? 'value' : 'boolean'),
      description: p.name ?? `<${p.jsx} ${p.keyProp}>`,
      valueKind: kind.valueKind,
    };
  }
  return { kind: 'config-entry', sdk, property: p.configEntry, evaluates: kind.evaluates ?? 'boolean', description: p.name ?? `{ ${p.configEntry}: <key> }`, valueKind: kind.valueKind ?? 'boolean' };
}
