import ts = require('typescript');
import type { FlagCheck, ValueKind } from '../../model';
import { VerificationPrograms, verificationOptions } from './program';
import { TsconfigFinder, type ProjectConfig } from './tsconfig';

/** What the checker says a read holds: the kind of value, and the type as TypeScript prints it (for messages). */
export interface TypedRead {
  kind: ValueKind;
  typeText: string;
}

export interface ReadFile {
  file: string;
  text: string;
  checks: readonly FlagCheck[];
}

/** Check kinds whose range is an expression (or binding) that holds the flag's value. */
const VALUE_READS = new Set<FlagCheck['kind']>(['call', 'property', 'element', 'destructure']);

/**
 * The kind each read holds according to the project's types, for reads the syntax could not tell
 * (`useExperiment('x')` declared `<K extends keyof Experiments>(key: K) => Experiments[K]`, a `flags.x` member typed
 * `string`). Files no tsconfig governs, and reads typed `any` (a package without node_modules), get no entry:
 * the checker cannot tell, and the syntax's answer stands.
 */
export function typedReads(files: readonly ReadFile[], shared: SourceFileCache = new Map(), finder = new TsconfigFinder()): Map<FlagCheck, TypedRead> {
  const out = new Map<FlagCheck, TypedRead>();
  const groups = new Map<ProjectConfig, ReadFile[]>();
  for (const f of files) {
    if (!f.checks.some((c) => VALUE_READS.has(c.kind))) continue;
    const config = finder.forFile(f.file);
    if (config) groups.set(config, [...(groups.get(config) ?? []), f]);
  }
  for (const [config, group] of groups) {
    const roots = group.map((f) => f.file);
    const texts = new Map(group.map((f) => [f.file, f.text]));
    const programs = new VerificationPrograms(verificationOptions(config.options, roots), { before: texts, after: texts }, cacheFor(shared, config.file));
    const program = programs.create(roots, 'before');
    const checker = program.getTypeChecker();
    for (const f of group) {
      const sf = program.getSourceFile(f.file);
      if (!sf) continue;
      for (const check of f.checks) {
        if (!VALUE_READS.has(check.kind)) continue;
        const node = valueNode(sf, check);
        if (!node) continue;
        const type = checker.getTypeAtLocation(node);
        const kind = kindOfType(type);
        if (kind) out.set(check, { kind, typeText: checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation) });
      }
    }
  }
  return out;
}

/** Parsed files per tsconfig, shared by the reads' program and the verification's programs of one cleanup. */
export type SourceFileCache = Map<string, Map<string, ts.SourceFile>>;

export function cacheFor(shared: SourceFileCache, tsconfig: string): Map<string, ts.SourceFile> {
  let cache = shared.get(tsconfig);
  if (!cache) shared.set(tsconfig, (cache = new Map()));
  return cache;
}

/** The node spanning exactly the check's range (the outermost such); a binding element's name. */
function valueNode(sf: ts.SourceFile, check: FlagCheck): ts.Node | undefined {
  const { start, end } = check.range;
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found || n.getEnd() < end || n.pos > start) return;
    if (n.getStart(sf) === start && n.getEnd() === end) {
      found = n;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (found && ts.isBindingElement(found)) return found.name;
  return found && ts.isExpression(found) ? found : undefined;
}

const UNKNOWABLE =
  ts.TypeFlags.Any |
  ts.TypeFlags.Unknown |
  ts.TypeFlags.Never |
  ts.TypeFlags.TypeParameter |
  ts.TypeFlags.Index |
  ts.TypeFlags.IndexedAccess |
  ts.TypeFlags.Conditional |
  ts.TypeFlags.Substitution |
  ts.TypeFlags.TemplateLiteral |
  ts.TypeFlags.StringMapping;
const NOTHING = ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void;

/**
 * One kind for the whole type, or undefined when the type does not say one: `any`/unresolved, a generic still
 * open, or a union of different kinds (`string | boolean`: either value could be right). `undefined`/`null`
 * members are what an absent flag reads, not a kind.
 */
export function kindOfType(type: ts.Type): ValueKind | undefined {
  const parts = type.isUnion() ? type.types : [type];
  const kinds = new Set<ValueKind>();
  for (const t of parts) {
    const kind = kindOfPart(t);
    if (kind === undefined) return undefined;
    if (kind !== null) kinds.add(kind);
  }
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

function kindOfPart(t: ts.Type): ValueKind | null | undefined {
  const f = t.flags;
  if (f & UNKNOWABLE) return undefined;
  if (f & NOTHING) return null;
  if (f & ts.TypeFlags.BooleanLike) return 'boolean';
  if (f & ts.TypeFlags.StringLike) return 'string';
  if (f & ts.TypeFlags.NumberLike) return 'number';
  // A branded primitive (`string & { __brand }`) is that primitive; an intersection of objects is an object.
  if (t.isIntersection()) {
    const inner = new Set(t.types.map(kindOfPart));
    if (inner.has(undefined)) return undefined;
    const primitive = [...inner].filter((k) => k !== 'object' && k !== null);
    return primitive.length === 1 ? primitive[0] : primitive.length === 0 ? 'object' : undefined;
  }
  // A thenable is a Promise read without `await`: the substitution step names that case itself.
  if (f & (ts.TypeFlags.Object | ts.TypeFlags.NonPrimitive)) return t.getProperty('then') ? undefined : 'object';
  return undefined;
}
