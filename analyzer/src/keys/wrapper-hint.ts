import ts = require('typescript');
import { parseSource } from '../ast';

/** A call pattern that would make a wrapper function's callers resolvable: `{ "call": "isEnabled", "key": 0 }`. */
export interface WrapperPattern {
  call: string;
  key: number;
}

/**
 * When a check's key is a parameter of the function around it (`function isOn(key) { return client.isEnabled(key) }`),
 * the function is a wrapper: declaring it as a pattern makes every caller's key resolvable. Returns that pattern,
 * or undefined when the key is not a plain parameter of a named function.
 *
 * `keyStart` is the 0-based offset of the check's key expression (FlagCheck.keyRange.start).
 */
export function wrapperPatternAt(file: string, text: string, keyStart: number): WrapperPattern | undefined {
  const sf = parseSource(file, text);
  const id = identifierAt(sf, keyStart);
  return id ? wrapperPatternOf(id) : undefined;
}

/** The same for a key expression node of a parsed file (parent pointers set). */
export function wrapperPatternOf(keyNode: ts.Node): WrapperPattern | undefined {
  if (!ts.isIdentifier(keyNode)) return undefined;
  const id = keyNode;
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    const index = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === id.text);
    if (index < 0) continue;
    if (n.parameters[index].dotDotDotToken) return undefined;
    const call = functionCallName(n);
    return call ? { call, key: index } : undefined;
  }
  return undefined;
}

/** The pattern as users write it in flagsweep.config.json. */
export function formatWrapperPattern(p: WrapperPattern): string {
  return `{ "call": ${JSON.stringify(p.call)}, "key": ${p.key} }`;
}

/** The hint added to a dynamic key's reason when its function looks like an undeclared flag wrapper. */
export function wrapperHint(p: WrapperPattern): string {
  return `if ${p.call.replace(/^\*\./, '')} is a flag wrapper, add ${formatWrapperPattern(p)} to patterns`;
}

/** Is a wrapper already declared (any call pattern with the same name, written with or without a receiver)? */
export function isDeclaredWrapper(p: WrapperPattern, patterns: readonly unknown[]): boolean {
  const bare = p.call.replace(/^\*\./, '');
  return patterns.some((q) => {
    const call = (q as { call?: unknown }).call;
    return typeof call === 'string' && (call === p.call || call === bare || call.endsWith(`.${bare}`));
  });
}

function identifierAt(sf: ts.SourceFile, offset: number): ts.Identifier | undefined {
  const visit = (n: ts.Node): ts.Identifier | undefined => {
    if (offset < n.getStart(sf) || offset >= n.getEnd()) return undefined;
    if (ts.isIdentifier(n)) return n;
    return ts.forEachChild(n, visit);
  };
  return visit(sf);
}

/** `isOn` for a function declaration or `const isOn = () => …`; `*.isOn` for a method (any receiver). */
function functionCallName(fn: ts.SignatureDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text;
  if (ts.isMethodDeclaration(fn) || ts.isPropertyAssignment(fn.parent)) {
    const name = ts.isMethodDeclaration(fn) ? fn.name : (fn.parent as ts.PropertyAssignment).name;
    return ts.isIdentifier(name) ? `*.${name.text}` : undefined;
  }
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) {
    return fn.parent.name.text;
  }
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isPropertyDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) {
    return `*.${fn.parent.name.text}`;
  }
  return undefined;
}

/** Is this key a parameter of a function the config already declares as a wrapper pattern (its own body)? */
export function isDeclaredWrapperBody(keyNode: ts.Node, patterns: readonly unknown[]): boolean {
  const pattern = wrapperPatternOf(keyNode);
  return !!pattern && isDeclaredWrapper(pattern, patterns);
}

/**
 * A dynamic key that is a parameter of a named function gets a hint to declare that function as a pattern,
 * unless it is declared already (then the check is the wrapper's own body and its callers resolve).
 */
export function withWrapperHint<D extends { expression: string; reason: string }>(dynamic: D, keyNode: ts.Node, patterns: readonly unknown[]): D {
  const pattern = wrapperPatternOf(keyNode);
  if (!pattern) return dynamic;
  return { ...dynamic, reason: `${dynamic.reason}; ${wrapperHint(pattern)}` };
}
