/**
 * The data model shared by every part of flagsweep: the scanner produces FlagChecks,
 * sources produce FlagStates, lifecycle joins both into FlagRecords, and every
 * front end (CLI, ESLint plugin, VS Code extension) only translates these.
 */

/** A position in a file. Offsets are 0-based UTF-16 offsets; line and column are 1-based. */
export interface SourceRange {
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** How a check reads the flag. */
export type CheckKind =
  | 'call' // client.isEnabled('x'), useFlag('x')
  | 'property' // config.featureToggles.newNav
  | 'element' // featureFlags[FLAGS.X]
  | 'destructure' // const { newCheckout } = useFlags()
  | 'jsx' // <Feature flag="x">
  | 'config-entry'; // { flag: 'x' } in a route table

/** Does the check yield a boolean ("is it on") or a value (variant, string, number, JSON)? */
export type CheckEvaluates = 'boolean' | 'value';

/**
 * What kind of value a check reads: a boolean ("is it on"), a string (variant name), a number, an object (JSON),
 * a vendor variant object (`{ name, enabled, payload }`), 'json' (handed to a schema parser: any JSON but a
 * boolean), or 'unknown' when nothing tells.
 */
export type ValueKind = 'boolean' | 'string' | 'number' | 'object' | 'variant' | 'json' | 'unknown';

/** How a check's value kind was found: the SDK method or pattern `type`, the written default, or how the result is used. */
export interface ValueKindBasis {
  /** `type`: the project's TypeScript types (cleanup with verification, where a tsconfig governs the file). */
  from: 'api' | 'pattern' | 'default' | 'use' | 'type' | 'none';
  /** What showed it, for messages: "`getNumberValue`", "default 0.1", "compared with 'treatment'", "`.title` read". */
  detail: string;
}

/** Where a key came from when it was resolved. */
export type KeyOrigin =
  | 'literal'
  | 'template'
  | 'const'
  | 'enum'
  | 'object-member'
  | 'import'
  | 'alias'
  | 'member-name' // property / destructured access: the member name is the key
  | 'jsx-attribute';

/** Metadata written in code as JSDoc-style tags (@flag, @expires, @owner, @flagType). */
export interface FlagAnnotation {
  key?: string;
  /** ISO date YYYY-MM-DD, or 'never'. Only set when well-formed. */
  expires?: string;
  owner?: string;
  flagType?: string;
  description?: string;
  /** Where the annotation comment is. */
  file: string;
  range: SourceRange;
  /** Problems found while parsing: malformed dates, unknown tags. Never silently dropped. */
  problems: AnnotationProblem[];
}

export interface AnnotationProblem {
  tag: string;
  value: string;
  message: string;
  range: SourceRange;
}

/** One place in the code where a flag is read. */
export interface FlagCheck {
  /** The resolved flag key, or null when it is not statically resolvable (see `dynamic`). */
  key: string | null;
  /** The key as written in code when it differs in form from a source key (LaunchDarkly React camelCase). */
  keyForm?: 'as-is' | 'camelCase';
  /**
   * Set when the key can't be resolved: the expression text and why; `possibleKeys` when it is one of a few known keys
   * chosen at run time (`cond ? 'a' : 'b'`).
   */
  dynamic?: { expression: string; reason: string; possibleKeys?: string[] };
  /** Absolute path with forward slashes. */
  file: string;
  /** The whole check expression (the call, the property access, the JSX element, ...). */
  range: SourceRange;
  /** The node that names the key (string literal, identifier, member name, attribute value). */
  keyRange: SourceRange;
  kind: CheckKind;
  /** 'negative' when the API answers "is it OFF" (isDisabled). */
  polarity: 'positive' | 'negative';
  evaluates: CheckEvaluates;
  /** The kind of value the code expects from this read (set by the scanner; absent on checks built by hand). */
  valueKind?: ValueKind;
  /** Why `valueKind` is what it is. */
  valueKindBasis?: ValueKindBasis;
  /** Preset id ('openfeature', 'launchdarkly', ...) or 'custom'. */
  sdk: string;
  /** Human description of the matched pattern, e.g. `*.getBooleanValue(key=0)`. */
  pattern: string;
  keyOrigin: KeyOrigin;
  /** The code default value when written as a literal argument (what a missing or disabled flag evaluates to). */
  defaultValue?: unknown;
  /** Annotation on the key's declaration or on the using statement, when there is one. */
  annotation?: FlagAnnotation;
}

/** A flag key declared in code (a constant, enum member or `as const` member) that holds a key. */
export interface KeyDeclaration {
  key: string;
  name: string;
  file: string;
  range: SourceRange;
  annotation?: FlagAnnotation;
}

/** The served outcome of a flag in one environment, as far as it can be known statically. */
export type Winner =
  | { kind: 'value'; value: unknown; variant?: string }
  /** Disabled (or absent): every evaluation returns the default written in code. */
  | { kind: 'code-default' }
  /** Targeting rules or a split: no single value. */
  | { kind: 'none'; reason: string };

/** One flag as a source (flagd file, Unleash, LaunchDarkly) knows it, normalized. */
export interface FlagState {
  key: string;
  /** Source id, e.g. 'flagd:flags.flagd.json', 'unleash:production'. */
  source: string;
  exists: boolean;
  enabled: boolean;
  variants: Record<string, unknown>;
  defaultVariant?: string;
  /** The value served when no targeting applies (enabled) or null when disabled. */
  servedValue?: unknown;
  hasTargeting: boolean;
  /** Number of targeting rules (for "2 targeting rules"). */
  ruleCount?: number;
  /** Percentage split across variants, when the flag rolls out fractionally. */
  rollout?: { variant: string; weight: number }[];
  winner: Winner;
  description?: string;
  owner?: string;
  /** YYYY-MM-DD or 'never' from source metadata. */
  expires?: string;
  /** Set when `expires` is not written anywhere but estimated from createdAt + the vendor's expected lifetime of the flag type. */
  expiresEstimate?: { flagType: string; lifetimeDays?: number; basis: string };
  flagType?: string;
  createdAt?: string;
  /** Since when the served value has been constant (ISO), when the source knows it. */
  constantSince?: string;
  /** The vendor marked the flag stale / launched / completed. */
  vendorStale?: boolean;
  lifecycleStage?: string;
  /** How a completed flag ended, when the vendor records it (Unleash: 'kept' or 'discarded'). */
  lifecycleStatus?: string;
  archived?: boolean;
  /** Link to the flag in the vendor's dashboard. */
  dashboardUrl?: string;
  /** ISO time of the data when it comes from a cache. */
  asOf?: string;
  fromCache?: boolean;
  tags?: string[];
  lastSeenAt?: string;
}

export type FlagStatus = 'active' | 'expiring' | 'expired' | 'stale' | 'missing' | 'unused';

export const FLAG_STATUSES: readonly FlagStatus[] = ['expired', 'expiring', 'stale', 'missing', 'unused', 'active'];

/** Everything known about one flag: code usages, annotations, source state, and the verdict. */
export interface FlagRecord {
  key: string;
  status: FlagStatus;
  reason: string;
  usages: FlagCheck[];
  /** Reads whose key is chosen at run time among a few, this one included (`cond ? 'a' : 'b'`): left to a person. */
  possibleReads?: FlagCheck[];
  declarations: KeyDeclaration[];
  state?: FlagState;
  expires?: string;
  owner?: string;
  flagType?: string;
  description?: string;
  /** The single value every evaluation returns, when there is one. */
  winner: Winner;
  /** Days until expiry (negative: days since it expired). */
  daysToExpiry?: number;
}

/** A problem with an input that did not stop the run (unparseable file, malformed annotation, unreachable source). */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  /** Where: a file path (repo-relative in reports), or a source id. */
  where: string;
  message: string;
  line?: number;
  column?: number;
}
