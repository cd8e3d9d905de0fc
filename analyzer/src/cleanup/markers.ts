import ts = require('typescript');

/**
 * Values the cleanup substituted for flag checks are written into the text as marker identifiers
 * (`__flagsweep_0__`), so that later rounds, after a re-parse, know which literals the substitution produced
 * (and may fold) and which ones the author wrote (and must keep). Markers left at the end become literals.
 */
export class MarkerTable {
  private readonly values: unknown[] = [];
  private readonly byKey = new Map<string, string>();

  nameFor(value: unknown): string {
    const key = valueKey(value);
    let name = this.byKey.get(key);
    if (!name) {
      name = `__flagsweep_${this.values.length}__`;
      this.values.push(value);
      this.byKey.set(key, name);
    }
    return name;
  }

  /** The substituted value an identifier stands for, or undefined when it is not a marker. */
  lookup(name: string): { value: unknown } | undefined {
    const m = /^__flagsweep_(\d+)__$/.exec(name);
    if (!m) return undefined;
    const i = Number(m[1]);
    return i < this.values.length ? { value: this.values[i] } : undefined;
  }

  private readonly hints = new Map<string, string>();

  /** Remembers a name for the const an object value will be declared as (the first hint wins). */
  hint(marker: string, name: string | undefined): void {
    if (name && !this.hints.has(marker)) this.hints.set(marker, name);
  }

  hintFor(marker: string): string | undefined {
    return this.hints.get(marker);
  }

  names(): string[] {
    return this.values.map((_, i) => `__flagsweep_${i}__`);
  }
}

function valueKey(value: unknown): string {
  if (value === undefined) return 'undefined';
  return `${typeof value}:${JSON.stringify(value)}`;
}

/** The marker value of an expression, looking through parentheses, `as`, `!` (non-null) and `satisfies`. */
export function knownValue(node: ts.Node, markers: MarkerTable): { value: unknown } | undefined {
  const inner = skipTransparent(node);
  return ts.isIdentifier(inner) ? markers.lookup(inner.text) : undefined;
}

export function skipTransparent(node: ts.Node): ts.Node {
  let n = node;
  for (;;) {
    if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isSatisfiesExpression(n) || ts.isTypeAssertionExpression(n)) n = n.expression;
    else return n;
  }
}

/** A value written in code as a literal (the other side of `variant === 'b'`), or undefined when it is not one. */
export function literalValue(node: ts.Node): { value: unknown } | undefined {
  const n = skipTransparent(node);
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return { value: n.text };
  if (ts.isNumericLiteral(n)) return { value: Number(n.text) };
  if (n.kind === ts.SyntaxKind.TrueKeyword) return { value: true };
  if (n.kind === ts.SyntaxKind.FalseKeyword) return { value: false };
  if (n.kind === ts.SyntaxKind.NullKeyword) return { value: null };
  if (ts.isIdentifier(n) && n.text === 'undefined') return { value: undefined };
  if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(n.operand)) return { value: -Number(n.operand.text) };
  return undefined;
}

/** How a final value is written back into code. */
export function renderValue(value: unknown, quote: '"' | "'"): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return quoteString(value, quote);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  if (typeof value === 'boolean' || value === null) return String(value);
  return `(${JSON.stringify(value)})`;
}

export function quoteString(value: string, quote: '"' | "'"): string {
  const json = JSON.stringify(value);
  if (quote === '"') return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** The quote style the file uses most for string literals. */
export function preferredQuote(sf: ts.SourceFile): '"' | "'" {
  let single = 0;
  let double = 0;
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) && !ts.isJsxAttribute(n.parent)) {
      if (sf.text[n.getStart(sf)] === "'") single++;
      else double++;
    }
    if (single + double < 50) ts.forEachChild(n, visit);
  };
  visit(sf);
  return double > single ? '"' : "'";
}
