import ts = require('typescript');
import type { CheckEvaluates, CheckKind, Diagnostic, FlagAnnotation, FlagCheck, KeyDeclaration, KeyOrigin, SourceRange } from '../model';
import { moduleMatches } from '../config/presets';
import { parseFlagAnnotation } from '../keys/annotations';
import { requiredModule } from '../keys/bindings';
import { isDeclaredWrapperBody, withWrapperHint } from '../keys/wrapper-hint';
import { nodeRange, sourceFileLocator, type Locator } from '../keys/locate';
import type { DeclarationRef, KeyResolution } from '../keys/resolve';
import type { DetectContext } from './context';
import type { MatcherOrigin } from './patterns';
import { inferValueKind } from './value-kind';
import { mayHaveAnnotations } from './prefilter';

export interface ImportedName {
  module: string;
  /** The exported name, 'default', or '*' for a namespace import / whole `require()`. */
  imported: string;
}

/** What a matcher found, before it becomes a FlagCheck. */
export interface Found {
  matcher: MatcherOrigin;
  kind: CheckKind;
  node: ts.Node;
  keyNode: ts.Node;
  resolution: KeyResolution;
  negate?: boolean;
  evaluates: CheckEvaluates;
  keyForm?: 'as-is' | 'camelCase';
  defaultValue?: unknown;
  hasDefault?: boolean;
  /** The written default argument (a literal or not), for the value kind. */
  defaultNode?: ts.Node;
}

/** Per-file detection state: imports, which matchers are active, and what was found so far. */
export class FileScope {
  readonly locator: Locator;
  readonly text: string;
  readonly imports = new Map<string, ImportedName>();
  readonly importedModules: string[] = [];
  readonly checks: FlagCheck[] = [];
  readonly declarations = new Map<string, KeyDeclaration>();
  readonly annotations = new Map<number, FlagAnnotation | null>();
  readonly diagnostics: Diagnostic[] = [];
  /** Whether comments can hold flag annotations at all (cheap text test, saves comment scans). */
  readonly mayHaveAnnotations: boolean;
  /** The file imports a flag factory (Vercel `flag`), so its own calls of made flags are checks too. */
  importsFlagFactory = false;
  private readonly activeCache = new Map<MatcherOrigin, boolean>();
  private readonly annotationLocators = new Map<ts.SourceFile, Locator>();

  constructor(
    readonly sf: ts.SourceFile,
    readonly file: string,
    readonly ctx: DetectContext,
  ) {
    this.locator = sourceFileLocator(sf);
    const first = sf.statements[0];
    this.parentsSet = !first || first.parent !== undefined;
    this.text = sf.text;
    this.mayHaveAnnotations = mayHaveAnnotations(this.text);
    this.collectImports();
    this.collectNestedLoads();
    this.importsFlagFactory = ctx.patterns.definitionModules.length > 0 && this.importedModules.some((spec) => moduleMatches(spec, ctx.patterns.definitionModules));
  }

  private collectImports(): void {
    for (const st of this.sf.statements) {
      if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
        const module = st.moduleSpecifier.text;
        this.importedModules.push(module);
        const clause = st.importClause;
        if (!clause) continue;
        if (clause.name) this.imports.set(clause.name.text, { module, imported: 'default' });
        const nb = clause.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) this.imports.set(nb.name.text, { module, imported: '*' });
        if (nb && ts.isNamedImports(nb)) {
          for (const el of nb.elements) this.imports.set(el.name.text, { module, imported: (el.propertyName ?? el.name).text });
        }
      } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression)) {
        // `import sdk = require('…')` (TypeScript's CommonJS import).
        const module = st.moduleReference.expression.text;
        this.importedModules.push(module);
        this.imports.set(st.name.text, { module, imported: '*' });
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const module = d.initializer && requiredModule(d.initializer);
          if (module === undefined) continue;
          this.importedModules.push(module);
          if (ts.isIdentifier(d.name)) this.imports.set(d.name.text, { module, imported: '*' });
          else if (ts.isObjectBindingPattern(d.name)) {
            for (const el of d.name.elements) {
              if (!ts.isIdentifier(el.name)) continue;
              const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
              this.imports.set(el.name.text, { module, imported });
            }
          }
        }
      }
    }
  }

  /**
   * `await import('...')` and a `require('...')` inside a function load the SDK too, so they activate its preset (the
   * prefilter already lets such files through). Found by text, then confirmed as a real call, not a comment or string.
   */
  private collectNestedLoads(): void {
    const re = /\b(?:import|require)\s*\(\s*['"]([^'"\n]+)['"]/g;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      if (this.importedModules.includes(m[1])) continue;
      const call = callAt(this.sf, m.index);
      if (call && call.arguments.length >= 1 && ts.isStringLiteral(call.arguments[0]) && call.arguments[0].text === m[1]) this.importedModules.push(m[1]);
    }
  }

  private parentsSet: boolean;

  /**
   * Parent pointers are set only once a matcher found a candidate here: most parsed files hold no match, and
   * setting parents costs about a quarter of a parse. Every path that walks up or sideways calls this first.
   */
  needParents(): void {
    if (this.parentsSet) return;
    this.parentsSet = true;
    // One visitor for the whole walk (a closure per node made this a third slower).
    let parent: ts.Node = this.sf;
    const visit = (child: ts.Node): void => {
      (child as { parent: ts.Node }).parent = parent;
      const above = parent;
      parent = child;
      ts.forEachChild(child, visit);
      parent = above;
    };
    ts.forEachChild(this.sf, visit);
  }

  /** A preset matcher is active only where one of its modules is imported; custom and global ones always are. */
  isActive(m: MatcherOrigin): boolean {
    if (!m.modules) return true;
    let active = this.activeCache.get(m);
    if (active === undefined) {
      active = this.importedModules.some((spec) => moduleMatches(spec, m.modules!));
      this.activeCache.set(m, active);
    }
    return active;
  }

  /** Is `name` bound to `exported` of one of `modules` (named import, or member of a namespace/default import)? */
  importsName(expr: ts.Expression, exported: string, modules: readonly string[] | undefined): boolean {
    if (ts.isIdentifier(expr)) {
      const imp = this.imports.get(expr.text);
      return !!imp && imp.imported === exported && (!modules || moduleMatches(imp.module, modules));
    }
    if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && expr.name.text === exported) {
      const imp = this.imports.get(expr.expression.text);
      return !!imp && (imp.imported === '*' || imp.imported === 'default') && (!modules || moduleMatches(imp.module, modules));
    }
    return false;
  }

  range(node: ts.Node): SourceRange {
    return nodeRange(node, this.sf, this.locator);
  }

  private readonly seen = new Set<string>();

  /** Adds a check (once per node: a node matched by two routes is one check). */
  add(found: Found): FlagCheck | undefined {
    const id = `${found.node.pos}:${found.node.end}:${found.keyNode.pos}:${found.kind}`;
    if (this.seen.has(id)) return undefined;
    this.seen.add(id);
    const { resolution } = found;
    this.needParents();
    // The body of a declared wrapper (`isFeatureOn(key) { return client.getBooleanValue(key, false) }` with an
    // `isFeatureOn` pattern) is not a flag read: its callers are, and they resolve their keys.
    if (resolution.key === null && isDeclaredWrapperBody(found.keyNode, this.ctx.config.patterns)) return undefined;
    const valueKind = inferValueKind({ matcher: found.matcher, node: found.node, evaluates: found.evaluates, defaultNode: found.defaultNode, sf: this.sf });
    // A custom pattern that declares nothing reads a boolean unless its default or use shows another kind.
    const evaluates = found.matcher.evaluatesFromUse && valueKind.kind !== 'boolean' && valueKind.kind !== 'unknown' ? 'value' : found.evaluates;
    const check: FlagCheck = {
      key: resolution.key,
      file: this.file,
      range: this.range(found.node),
      keyRange: this.range(found.keyNode),
      kind: found.kind,
      polarity: found.negate ? 'negative' : 'positive',
      evaluates,
      valueKind: valueKind.kind,
      valueKindBasis: valueKind.basis,
      sdk: found.matcher.sdk,
      pattern: found.matcher.description,
      keyOrigin: resolution.key !== null ? resolution.origin : originOfDynamic(found.kind),
    };
    if (found.keyForm && found.keyForm !== 'as-is') check.keyForm = found.keyForm;
    if (resolution.key === null) check.dynamic = withWrapperHint(resolution.dynamic, found.keyNode, this.ctx.config.patterns);
    if (found.hasDefault) check.defaultValue = found.defaultValue;
    const declared = resolution.key !== null && resolution.declaration ? this.declare(resolution.declaration, resolution.key) : undefined;
    const annotation = declared?.annotation ?? this.statementAnnotation(found.node);
    if (annotation) {
      this.claimAnnotation(annotation, check.key);
      check.annotation = annotation;
    }
    this.checks.push(check);
    return check;
  }

  /** Records a declaration holding `key` (in this file or another) and returns it. */
  declare(ref: DeclarationRef, key: string): KeyDeclaration {
    const locator = ref.sf === this.sf ? this.locator : this.locatorFor(ref.sf);
    const range = nodeRange(ref.node, ref.sf, locator);
    const id = `${ref.file}\0${range.start}`;
    const existing = this.declarations.get(id);
    if (existing) return existing;
    const declaration: KeyDeclaration = { key, name: ref.name, file: ref.file, range };
    const annotation = this.declarationAnnotation(ref, locator);
    if (annotation) {
      this.claimAnnotation(annotation, key);
      declaration.annotation = annotation;
    }
    this.declarations.set(id, declaration);
    return declaration;
  }

  private locatorFor(sf: ts.SourceFile): Locator {
    let l = this.annotationLocators.get(sf);
    if (!l) {
      l = sourceFileLocator(sf);
      this.annotationLocators.set(sf, l);
    }
    return l;
  }

  /** An annotation names the key it is attached to; a different @flag key there is reported. */
  private readonly mismatched = new Set<FlagAnnotation>();
  /** Annotations whose key was taken from what they annotate (no @flag written): nothing to contradict. */
  private readonly inferredKey = new Set<FlagAnnotation>();

  private claimAnnotation(annotation: FlagAnnotation, key: string | null): void {
    if (key === null || this.inferredKey.has(annotation)) return;
    if (annotation.key === undefined) {
      annotation.key = key;
      this.inferredKey.add(annotation);
    } else if (annotation.key !== key && annotation.file === this.file && !this.mismatched.has(annotation)) {
      this.mismatched.add(annotation);
      this.diagnostics.push({
        severity: 'warning',
        where: this.file,
        message: `@flag ${annotation.key} is attached to a check or declaration of "${key}"`,
        line: annotation.range.line,
        column: annotation.range.column,
      });
    }
  }

  /** The flag annotation in the comments leading the declaration (the whole `const` statement for a variable). */
  private declarationAnnotation(ref: DeclarationRef, locator: Locator): FlagAnnotation | undefined {
    const node = ts.isVariableDeclaration(ref.node) && ts.isVariableDeclarationList(ref.node.parent) && ref.node.parent.declarations[0] === ref.node ? ref.node.parent.parent : ref.node;
    return this.leadingAnnotation(node, ref.sf, ref.file, locator);
  }

  /** The annotation leading the statement (or object member, class member) that contains `node`. */
  statementAnnotation(node: ts.Node): FlagAnnotation | undefined {
    if (!this.mayHaveAnnotations) return undefined;
    for (let n: ts.Node | undefined = node; n && n.kind !== ts.SyntaxKind.SourceFile; n = n.parent) {
      const p = n.parent;
      const isUnit = (p && 'statements' in p) || ts.isClassElement(n) || ts.isPropertyAssignment(n) || ts.isJsxAttribute(n);
      if (isUnit) {
        const a = this.leadingAnnotation(n, this.sf, this.file, this.locator);
        if (a || !ts.isPropertyAssignment(n)) return a;
      }
    }
    return undefined;
  }

  leadingAnnotation(node: ts.Node, sf: ts.SourceFile, file: string, locator: Locator): FlagAnnotation | undefined {
    const ranges = ts.getLeadingCommentRanges(sf.text, node.pos);
    if (!ranges) return undefined;
    let found: FlagAnnotation | undefined;
    for (const r of ranges) {
      const a = sf === this.sf ? this.annotationAt(r) : parseFlagAnnotation(sf.text.slice(r.pos, r.end), r.pos, file, locator, this.annotationOptions());
      if (a) found = a;
    }
    return found;
  }

  /** Parses (once) the comment at `r` in this file; remembers non-annotations too. */
  annotationAt(r: ts.CommentRange): FlagAnnotation | undefined {
    const cached = this.annotations.get(r.pos);
    if (cached !== undefined) return cached ?? undefined;
    const a = parseFlagAnnotation(this.text.slice(r.pos, r.end), r.pos, this.file, this.locator, this.annotationOptions()) ?? null;
    this.annotations.set(r.pos, a);
    return a ?? undefined;
  }

  /** Collects the annotations in the comments leading `node` (every comment leads some node). */
  scanComments(node: ts.Node): void {
    const ranges = ts.getLeadingCommentRanges(this.text, node.pos);
    if (ranges) for (const r of ranges) this.annotationAt(r);
  }

  private flagTypes?: string[];

  private annotationOptions() {
    if (this.flagTypes) return { flagTypes: this.flagTypes };
    const types = new Set<string>(['release', 'experiment', 'ops', 'permission', ...this.ctx.config.lifecycle.permanentTypes, ...Object.keys(this.ctx.config.lifecycle.maxLifetimeDays)]);
    this.flagTypes = [...types];
    return { flagTypes: this.flagTypes };
  }
}

/**
 * keyOrigin is required by the model even without a key: a dynamic check names the slot its key would come from
 * (an attribute for JSX gates, a member for member reads, a written value otherwise); `dynamic` says why it is unknown.
 */
function originOfDynamic(kind: CheckKind): KeyOrigin {
  if (kind === 'property' || kind === 'destructure') return 'member-name';
  return kind === 'jsx' ? 'jsx-attribute' : 'literal';
}

/** The `import(…)`/`require(…)` call whose callee starts at `pos`, found by descending to it. */
function callAt(sf: ts.SourceFile, pos: number): ts.CallExpression | undefined {
  let node: ts.Node = sf;
  for (;;) {
    if (ts.isCallExpression(node) && node.expression.getStart(sf) === pos) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) return node;
    }
    const child: ts.Node | undefined = ts.forEachChild(node, (c) => (c.getStart(sf) <= pos && pos < c.end ? c : undefined));
    if (!child) return undefined;
    node = child;
  }
}
