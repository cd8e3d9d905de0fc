import ts = require('typescript');
import { ModuleResolver } from '../keys/modules';
import type { FlagExport } from './engine';
import { bindSource, parseSource } from './parse';
import { References } from './scope';
import type { EngineCheck } from './substitute';
import { isPure } from './syntax';

/**
 * Uses, in one importing file, of flag functions/constants exported by modules the cleanup reduced to a value:
 * `import { isNewCheckout } from './flags'` + `isNewCheckout()` becomes a check with that value.
 */
export function importedFlagUses(file: string, text: string, exportsByFile: ReadonlyMap<string, FlagExport[]>, modules: ModuleResolver, key: string): EngineCheck[] {
  if (![...exportsByFile.values()].some((list) => list.some((e) => text.includes(e.name)))) return [];
  const { sf, checker } = bindSource(file, text);
  const refs = new References(sf, checker);
  const out: EngineCheck[] = [];
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const named = stmt.importClause?.namedBindings;
    if (!named || !ts.isNamedImports(named) || stmt.importClause?.isTypeOnly) continue;
    const target = modules.resolve(stmt.moduleSpecifier.text, file).file;
    const exported = target && exportsByFile.get(target);
    if (!exported) continue;
    for (const spec of named.elements) {
      const e = exported.find((x) => x.name === (spec.propertyName ?? spec.name).text);
      if (!e) continue;
      for (const ref of refs.referencesTo(spec.name)) {
        let node: ts.Node | undefined;
        if (e.kind === 'function') {
          const call = ref.parent;
          if (ts.isCallExpression(call) && call.expression === ref && call.arguments.every(isPure)) node = call;
        } else if (!ts.isExportSpecifier(ref.parent) && !ts.isShorthandPropertyAssignment(ref.parent)) node = ref;
        if (node) out.push(syntheticCheck(file, sf, node, key, e));
      }
    }
  }
  return out;
}

function syntheticCheck(file: string, sf: ts.SourceFile, node: ts.Node, key: string, e: FlagExport): EngineCheck {
  const start = node.getStart(sf);
  const end = node.getEnd();
  const a = sf.getLineAndCharacterOfPosition(start);
  const b = sf.getLineAndCharacterOfPosition(end);
  const range = { start, end, line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
  return {
    key,
    file,
    range,
    keyRange: range,
    kind: 'call',
    polarity: 'positive',
    evaluates: 'value',
    sdk: 'custom',
    pattern: `${e.name}() (returns the cleaned flag)`,
    keyOrigin: 'import',
    fixedValue: { value: e.value },
  };
}

/** Is `name` still used as an identifier in `text` (other than its own declaration in the defining file)? */
export function mentionsIdentifier(file: string, text: string, name: string, exceptDeclarationIn: boolean): boolean {
  if (!text.includes(name)) return false;
  const sf = parseSource(file, text);
  let count = 0;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name) {
      const p = n.parent;
      const isDecl = (ts.isFunctionDeclaration(p) || ts.isVariableDeclaration(p)) && p.name === n;
      if (!(exceptDeclarationIn && isDecl)) count++;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return count > 0;
}
