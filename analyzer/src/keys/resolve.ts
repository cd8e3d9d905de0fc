import ts = require('typescript');
import type { KeyOrigin } from '../model';
import { ModuleResolver, readFileFromDisk, type ReadFile } from './modules';
import { parseSource } from '../ast';
import { bindingOf, exportedBinding, type Binding, type BindingHost } from './bindings';

/** Where a key is declared (a const, an enum member, an object member), in whichever file. */
export interface DeclarationRef {
  file: string;
  sf: ts.SourceFile;
  /** VariableDeclaration, EnumMember or PropertyAssignment. */
  node: ts.Node;
  /** `NEW_NAV`, `Flags.NewNav`, `FLAGS.checkout.V2`. */
  name: string;
}

export type KeyResolution =
  | { key: string; origin: KeyOrigin; declaration?: DeclarationRef; dynamic?: undefined }
  | { key: null; dynamic: { expression: string; reason: string; possibleKeys?: string[] } };

/** What an expression evaluates to, as far as syntax and declarations tell. */
export type Value =
  | { kind: 'string'; value: string; origin: KeyOrigin; declaration?: DeclarationRef }
  | { kind: 'object'; literal: ts.ObjectLiteralExpression; sf: ts.SourceFile; file: string; name: string }
  | { kind: 'enum'; decl: ts.EnumDeclaration; sf: ts.SourceFile; file: string; name: string }
  | { kind: 'class'; decl: ts.ClassDeclaration; sf: ts.SourceFile; file: string; name: string }
  | { kind: 'namespace'; file: string; name: string }
  | { kind: 'call'; call: ts.CallExpression; sf: ts.SourceFile; file: string; declaration?: DeclarationRef }
  | { kind: 'dynamic'; reason: string };

const MAX_DEPTH = 24;
/** A conditional choosing among more keys than this is reported without its keys. */
const MAX_POSSIBLE_KEYS = 16;

/**
 * Resolves key expressions to strings by following declarations through the file and across imports
 * (re-exports, tsconfig paths), without a Program. Other files are parsed once per resolver and cached.
 */
export class KeyResolver implements BindingHost {
  readonly modules: ModuleResolver;
  private readonly sources = new Map<string, ts.SourceFile | null>();

  constructor(
    private readonly aliases: ReadonlyMap<string, string> = new Map(),
    readonly readFile: ReadFile = readFileFromDisk,
  ) {
    this.modules = new ModuleResolver(readFile);
  }

  /**
   * Drops what was cached about `file` (or everything): the extension calls this when a file changes, is created
   * or deleted.
   */
  forget(file?: string): void {
    const normalized = file?.replace(/\\/g, '/');
    if (normalized === undefined) this.sources.clear();
    else this.sources.delete(normalized);
    this.modules.forget(normalized);
  }

  sourceOf(file: string): ts.SourceFile | undefined {
    const cached = this.sources.get(file);
    if (cached !== undefined) return cached ?? undefined;
    const text = this.readFile(file);
    const sf = text === undefined ? null : parseSource(file, text);
    this.sources.set(file, sf);
    return sf ?? undefined;
  }

  /** Resolves the key written as `expr` in `file`. */
  resolve(expr: ts.Expression, sf: ts.SourceFile, file: string): KeyResolution {
    const expression = expr.getText(sf);
    const alias = this.aliases.get(pathText(expr)) ?? this.aliases.get(expression.replace(/\s+/g, ''));
    if (alias !== undefined) return { key: alias, origin: 'alias' };
    const value = this.evaluate(expr, sf, file, 0);
    if (value.kind === 'string') {
      const origin = value.declaration && value.declaration.file !== file ? 'import' : value.origin;
      return { key: value.value, origin, declaration: value.declaration };
    }
    const dynamic: { expression: string; reason: string; possibleKeys?: string[] } = { expression, reason: describeNonString(value) };
    const possibleKeys = this.possibleKeys(expr, sf, file);
    if (possibleKeys) dynamic.possibleKeys = possibleKeys;
    return { key: null, dynamic };
  }

  /**
   * The keys a conditional picks from (`cond ? 'taxes' : 'taxBanner'`, nested ones too) when every branch is a known
   * key: such a read is one of them at run time, so none of them is unused. Undefined for anything else.
   */
  private possibleKeys(expr: ts.Expression, sf: ts.SourceFile, file: string): string[] | undefined {
    if (!ts.isConditionalExpression(unwrap(expr))) return undefined;
    const keys = new Set<string>();
    const collect = (branch: ts.Expression, depth: number): boolean => {
      const e = unwrap(branch);
      if (ts.isConditionalExpression(e)) return depth < MAX_DEPTH && collect(e.whenTrue, depth + 1) && collect(e.whenFalse, depth + 1);
      const value = this.evaluate(e, sf, file, depth);
      if (value.kind !== 'string') return false;
      keys.add(value.value);
      return keys.size <= MAX_POSSIBLE_KEYS;
    };
    return collect(expr, 0) ? [...keys] : undefined;
  }

  evaluate(expr: ts.Expression, sf: ts.SourceFile, file: string, depth: number): Value {
    if (depth > MAX_DEPTH) return { kind: 'dynamic', reason: 'declarations nest too deep (an import cycle?)' };
    const e = unwrap(expr);
    if (ts.isStringLiteral(e)) return { kind: 'string', value: e.text, origin: 'literal' };
    if (ts.isNoSubstitutionTemplateLiteral(e)) return { kind: 'string', value: e.text, origin: 'template' };
    if (ts.isTemplateExpression(e)) {
      let value = e.head.text;
      for (const span of e.templateSpans) {
        const part = this.evaluate(span.expression, sf, file, depth + 1);
        if (part.kind !== 'string') return { kind: 'dynamic', reason: 'template literal with a non-constant substitution' };
        value += part.value + span.literal.text;
      }
      return { kind: 'string', value, origin: 'template' };
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const left = this.evaluate(e.left, sf, file, depth + 1);
      const right = this.evaluate(e.right, sf, file, depth + 1);
      if (left.kind === 'string' && right.kind === 'string') return { kind: 'string', value: left.value + right.value, origin: 'const' };
      return { kind: 'dynamic', reason: 'string concatenation with a non-constant part' };
    }
    if (ts.isIdentifier(e)) return this.bindingValue(bindingOf(this, e.text, e, sf, file), depth + 1);
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const member = this.memberName(e, sf, file, depth);
      if (typeof member !== 'string') return member;
      return this.memberValue(this.evaluate(e.expression, sf, file, depth + 1), member, depth + 1);
    }
    if (ts.isObjectLiteralExpression(e)) return { kind: 'object', literal: e, sf, file, name: '{…}' };
    if (ts.isCallExpression(e)) {
      if (isObjectFreeze(e) && e.arguments.length === 1) return this.evaluate(e.arguments[0], sf, file, depth + 1);
      return { kind: 'call', call: e, sf, file };
    }
    return { kind: 'dynamic', reason: describeSyntax(e) };
  }

  private memberName(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, sf: ts.SourceFile, file: string, depth: number): string | Value {
    if (ts.isPropertyAccessExpression(e)) return e.name.text;
    const arg = this.evaluate(e.argumentExpression, sf, file, depth + 1);
    if (arg.kind === 'string') return arg.value;
    return { kind: 'dynamic', reason: 'computed member access with a non-constant index' };
  }

  bindingValue(binding: Binding, depth: number): Value {
    switch (binding.kind) {
      case 'dynamic':
      case 'namespace':
      case 'enum':
      case 'class':
        return binding;
      case 'const': {
        if (!binding.decl.initializer) return { kind: 'dynamic', reason: `\`${binding.name}\` has no initializer` };
        const value = this.evaluate(binding.decl.initializer, binding.sf, binding.file, depth + 1);
        const declaration: DeclarationRef = { file: binding.file, sf: binding.sf, node: binding.decl, name: binding.name };
        if (value.kind === 'string') return { ...value, origin: 'const', declaration };
        if (value.kind === 'object') return { ...value, name: binding.name };
        if (value.kind === 'enum' || value.kind === 'namespace' || value.kind === 'class') return value;
        if (value.kind === 'call') return { ...value, declaration };
        return value;
      }
      case 'expression': {
        const value = this.evaluate(binding.expression, binding.sf, binding.file, depth + 1);
        return value.kind === 'object' ? { ...value, name: binding.name } : value;
      }
      case 'member-of':
        return this.memberValue(this.evaluate(binding.object, binding.sf, binding.file, depth + 1), binding.member, depth + 1);
    }
  }

  memberValue(owner: Value, member: string, depth: number): Value {
    switch (owner.kind) {
      case 'namespace':
        return this.bindingValue(exportedBinding(this, owner.file, member, new Set()), depth + 1);
      case 'enum': {
        const m = owner.decl.members.find((mm) => propertyNameText(mm.name) === member);
        if (!m) return { kind: 'dynamic', reason: `enum ${owner.name} has no member ${member}` };
        if (!m.initializer) return { kind: 'dynamic', reason: `${owner.name}.${member} is a numeric enum member` };
        const value = this.evaluate(m.initializer, owner.sf, owner.file, depth + 1);
        if (value.kind !== 'string') return { kind: 'dynamic', reason: `${owner.name}.${member} is not a string` };
        return { ...value, origin: 'enum', declaration: { file: owner.file, sf: owner.sf, node: m, name: `${owner.name}.${member}` } };
      }
      case 'class': {
        const name = `${owner.name}.${member}`;
        const m = owner.decl.members.find(
          (mm): mm is ts.PropertyDeclaration =>
            ts.isPropertyDeclaration(mm) && propertyNameText(mm.name) === member && (ts.getModifiers(mm)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword) ?? false),
        );
        if (!m?.initializer) return { kind: 'dynamic', reason: `${name} is not a static member with a value` };
        const readonly = ts.getModifiers(m)?.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false;
        if (!readonly) return { kind: 'dynamic', reason: `${name} is not readonly` };
        const value = this.evaluate(m.initializer, owner.sf, owner.file, depth + 1);
        if (value.kind === 'string') return { ...value, origin: 'object-member', declaration: { file: owner.file, sf: owner.sf, node: m, name } };
        return value.kind === 'object' ? { ...value, name } : value;
      }
      case 'object':
        return this.objectMember(owner, member, depth) ?? { kind: 'dynamic', reason: `${owner.name} has no member ${member}` };
      case 'string':
        return { kind: 'dynamic', reason: `member ${member} of a string` };
      case 'call':
        return { kind: 'dynamic', reason: 'member of a call result' };
      case 'dynamic':
        return owner;
    }
  }

  /**
   * Member `member` of an object literal, undefined when it has none. Read from the last property back, as at run
   * time a later property or spread (`{ ...CHECKOUT_FLAGS, SEARCH: 'x' }`) wins over an earlier one.
   */
  private objectMember(owner: Extract<Value, { kind: 'object' }>, member: string, depth: number): Value | undefined {
    const name = `${owner.name}.${member}`;
    const props = owner.literal.properties;
    for (let i = props.length - 1; i >= 0; i--) {
      const p = props[i];
      if (ts.isPropertyAssignment(p) && propertyNameText(p.name) === member) {
        const value = this.evaluate(p.initializer, owner.sf, owner.file, depth + 1);
        if (value.kind === 'string') return { ...value, origin: 'object-member', declaration: { file: owner.file, sf: owner.sf, node: p, name } };
        if (value.kind === 'object') return { ...value, name };
        return value;
      }
      if (ts.isShorthandPropertyAssignment(p) && p.name.text === member) {
        return this.bindingValue(bindingOf(this, member, p, owner.sf, owner.file), depth + 1);
      }
      if (ts.isSpreadAssignment(p)) {
        const spread = this.evaluate(p.expression, owner.sf, owner.file, depth + 1);
        if (spread.kind === 'object') {
          const found = this.objectMember(spread, member, depth + 1);
          if (found) return found;
        } else if (spread.kind !== 'namespace' && spread.kind !== 'enum' && spread.kind !== 'class') {
          // An unknown spread may hold the member: what it is can't be told.
          return { kind: 'dynamic', reason: `${name} may come from the spread ${p.expression.getText(owner.sf)}` };
        } else {
          const value = this.memberValue(spread, member, depth + 1);
          if (value.kind !== 'dynamic' || !/has no member|is not exported|is not a static member/.test(value.reason)) return value;
        }
      }
    }
    return undefined;
  }
}

function isObjectFreeze(call: ts.CallExpression): boolean {
  const c = call.expression;
  return ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === 'Object' && c.name.text === 'freeze';
}

export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) {
      e = e.expression;
    } else return e;
  }
}

export function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNoSubstitutionTemplateLiteral(name.expression))) return name.expression.text;
  return undefined;
}

/** `a?.b!.c` and `a['b'].c` → `a.b.c`; other expressions give their text without whitespace. */
export function pathText(expr: ts.Expression): string {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return e.text;
  if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(e)) return `${pathText(e.expression)}.${e.name.text}`;
  if (ts.isElementAccessExpression(e) && (ts.isStringLiteral(e.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(e.argumentExpression))) {
    return `${pathText(e.expression)}.${e.argumentExpression.text}`;
  }
  return '?';
}

function describeNonString(value: Value): string {
  switch (value.kind) {
    case 'dynamic':
      return value.reason;
    case 'call':
      return 'call result';
    case 'object':
      return `${value.name} is an object, not a string`;
    case 'enum':
      return `${value.name} is an enum, not a string`;
    case 'class':
      return `${value.name} is a class, not a string`;
    case 'namespace':
      return `${value.name} is a module namespace, not a string`;
    case 'string':
      return 'string';
  }
}

function describeSyntax(e: ts.Expression): string {
  switch (e.kind) {
    case ts.SyntaxKind.ConditionalExpression:
      return 'conditional expression';
    case ts.SyntaxKind.BinaryExpression:
      return 'binary expression';
    case ts.SyntaxKind.NumericLiteral:
      return 'number literal, not a string';
    case ts.SyntaxKind.AwaitExpression:
      return 'awaited value';
    case ts.SyntaxKind.ArrayLiteralExpression:
      return 'array literal';
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      return 'function';
    default:
      return `${ts.SyntaxKind[e.kind]} expression`;
  }
}
