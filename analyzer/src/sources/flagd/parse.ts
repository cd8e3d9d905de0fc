import * as path from 'node:path';
import { getNodeValue, parseTree, type Node } from 'jsonc-parser';
import type * as z from 'zod/mini';
import type { Diagnostic, FlagState, Winner } from '../../model';
import { formatJsonPath, lineColumnAt, nodeAt, parseJsonTree, withoutBom } from '../json-text';
import { mapFlagdMetadata } from './metadata';
import { flagdEvaluatorsSchema, flagdFlagSchema, flagdMetadataSchema, type FlagdFlag } from './schema';
import { analyzeTargeting, describeSplit, TargetingError, type TargetingSummary } from './targeting';

export interface FlagdParseResult {
  states: FlagState[];
  diagnostics: Diagnostic[];
}

type JsonPath = (string | number)[];

/**
 * Parses the text of a flagd flag-definition file into flag states. Never throws: an unparseable file yields one
 * error diagnostic (with line and column), a malformed flag is reported and skipped while the others still load.
 * `file` names the file in diagnostics; `sourceId` goes into FlagState.source.
 */
export function parseFlagdDocument(text: string, file: string, sourceId = `flagd:${path.basename(file)}`): FlagdParseResult {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseJsonTree(text);
  if (!parsed.ok) {
    const at = lineColumnAt(text, parsed.offset);
    diagnostics.push({ severity: 'error', where: file, ...at, message: `invalid JSON at line ${at.line}, column ${at.column}: ${parsed.problem}; no flags loaded` });
    return { states: [], diagnostics };
  }
  const tree = parsed.tree;
  const report = (severity: Diagnostic['severity'], at: JsonPath, message: string) => {
    diagnostics.push({ severity, where: file, ...lineColumnAt(text, offsetOf(tree, at)), message: `${formatJsonPath(at)}: ${message}` });
  };

  if (tree.type !== 'object') {
    report('error', [], `expected an object with a "flags" field, got ${jsonType(getNodeValue(tree))}; no flags loaded`);
    return { states: [], diagnostics };
  }
  const flagsNode = nodeAt(tree, ['flags']);
  if (!flagsNode || flagsNode.type !== 'object') {
    report('error', flagsNode ? ['flags'] : [], flagsNode ? `expected an object of flags, got ${jsonType(getNodeValue(flagsNode))}; no flags loaded` : 'missing "flags": expected an object of flags; no flags loaded');
    return { states: [], diagnostics };
  }

  const evaluators = readOptional(tree, '$evaluators', flagdEvaluatorsSchema, report) ?? {};
  const setMetadata = readOptional(tree, 'metadata', flagdMetadataSchema, report) ?? {};

  const seen = new Set<string>();
  const states: FlagState[] = [];
  for (const property of flagsNode.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const key = String(keyNode.value);
    const at: JsonPath = ['flags', key];
    if (seen.has(key)) {
      diagnostics.push({ severity: 'error', where: file, ...lineColumnAt(text, keyNode.offset), message: `${formatJsonPath(at)}: the flag is defined twice; the later definition is skipped` });
      continue;
    }
    seen.add(key);
    const state = valueNode && parseFlag(key, getNodeValue(valueNode), at, evaluators, setMetadata, sourceId, report);
    if (state) states.push(state);
  }
  return { states, diagnostics };
}

function parseFlag(
  key: string,
  raw: unknown,
  at: JsonPath,
  evaluators: Record<string, unknown>,
  setMetadata: Record<string, string | number | boolean>,
  sourceId: string,
  report: (severity: Diagnostic['severity'], at: JsonPath, message: string) => void,
): FlagState | undefined {
  const skip = (where: JsonPath, message: string): undefined => void report('error', where, `${message}; flag "${key}" skipped`);
  const result = flagdFlagSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0];
    return skip([...at, ...(issue.path as JsonPath)], describeIssue(issue));
  }
  const flag: FlagdFlag = result.data;
  const variantNames = Object.keys(flag.variants);
  const types = [...new Set(Object.values(flag.variants).map(jsonType))];
  if (types.length > 1) return skip([...at, 'variants'], `variants mix ${types.join(' and ')} values; flagd requires one type per flag`);
  const defaultVariant = flag.defaultVariant ?? undefined;
  if (defaultVariant !== undefined && !(defaultVariant in flag.variants)) {
    return skip([...at, 'defaultVariant'], `${JSON.stringify(defaultVariant)} is not one of the variants (${variantNames.map((v) => JSON.stringify(v)).join(', ')})`);
  }

  const hasTargeting = flag.targeting !== undefined && Object.keys(flag.targeting).length > 0;
  let targeting: TargetingSummary | undefined;
  if (hasTargeting) {
    try {
      targeting = analyzeTargeting(flag.targeting, evaluators, [...at, 'targeting']);
    } catch (e) {
      if (e instanceof TargetingError) return skip(e.path, e.message);
      throw e;
    }
    for (const outcome of targeting.outcomes ?? []) {
      if (outcome !== null && !(outcome in flag.variants)) report('warning', [...at, 'targeting'], `can return ${JSON.stringify(outcome)}, which is not one of the variants`);
    }
  }

  const ownMetadata = flag.metadata ?? {};
  // An unreadable expiry is an error, not a warning: the flag would silently never expire (and never fail a gate).
  const metadata = mapFlagdMetadata({ ...setMetadata, ...ownMetadata }, (field, message) =>
    report(field === 'expires' ? 'error' : 'warning', field in ownMetadata ? [...at, 'metadata', field] : ['metadata', field], `${message}; ignored`),
  );
  const enabled = flag.state === 'ENABLED';
  return {
    key,
    source: sourceId,
    exists: true,
    enabled,
    variants: flag.variants,
    ...(defaultVariant !== undefined ? { defaultVariant } : {}),
    servedValue: enabled ? (defaultVariant !== undefined ? flag.variants[defaultVariant] : undefined) : null,
    hasTargeting,
    ruleCount: targeting?.ruleCount ?? 0,
    ...(targeting?.rollout ? { rollout: targeting.rollout } : {}),
    winner: winnerOf(enabled, flag.variants, defaultVariant, targeting),
    ...metadata,
  };
}

/** Disabled: the code default. Enabled: the default variant, unless targeting can end on more than one variant. */
function winnerOf(enabled: boolean, variants: Record<string, unknown>, defaultVariant: string | undefined, targeting: TargetingSummary | undefined): Winner {
  if (!enabled) return { kind: 'code-default' };
  const constant = (variant: string | undefined): Winner => (variant === undefined ? { kind: 'code-default' } : { kind: 'value', value: variants[variant], variant });
  if (!targeting) return constant(defaultVariant);
  if (targeting.outcomes) {
    const resolved = new Set([...targeting.outcomes].map((o) => (o === null ? defaultVariant : o)));
    if (resolved.size === 1) {
      const [only] = resolved;
      if (only === undefined || only in variants) return constant(only);
    }
  }
  return { kind: 'none', reason: describeTargeting(targeting) };
}

function describeTargeting(t: TargetingSummary): string {
  const rules = t.ruleCount > 0 ? `${t.ruleCount} targeting rule${t.ruleCount === 1 ? '' : 's'}` : '';
  const split = t.rollout ? `fractional split ${describeSplit(t.rollout)}` : '';
  if (rules && split) return `${rules} and a ${split}`;
  if (rules || split) return rules || split;
  return 'targeting computes the variant at evaluation time';
}

function readOptional<T>(
  tree: Node,
  field: string,
  schema: z.ZodMiniType<T>,
  report: (severity: Diagnostic['severity'], at: JsonPath, message: string) => void,
): T | undefined {
  const node = nodeAt(tree, [field]);
  if (!node) return undefined;
  const result = schema.safeParse(getNodeValue(node), { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  report('error', [field, ...(issue.path as JsonPath)], `${describeIssue(issue)}; "${field}" ignored`);
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? 'required field is missing' : `expected ${issue.expected}, got ${jsonType(input)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(input)}`;
    case 'invalid_union':
      return `expected a string, number or boolean, got ${jsonType(input)}`;
    default:
      return issue.message;
  }
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Offset of the deepest existing node on `at` (the node itself when it exists, else its nearest parent). */
function offsetOf(tree: Node, at: JsonPath): number {
  for (let n = at.length; n >= 0; n--) {
    const node = nodeAt(tree, at.slice(0, n));
    if (node) return node.offset;
  }
  return 0;
}

/** Offsets of a flag's key (tolerating syntax errors elsewhere) (with its quotes) in the text of a flagd file, for hovers and go-to-definition. */
export function findFlagdKeyRange(text: string, key: string): { start: number; end: number } | undefined {
  // Tolerant parse: the editor text may be half-typed.
  const tree = parseTree(withoutBom(text), [], { allowTrailingComma: true });
  const keyNode = tree && nodeAt(tree, ['flags', key])?.parent?.children?.[0];
  return keyNode ? { start: keyNode.offset, end: keyNode.offset + keyNode.length } : undefined;
}
