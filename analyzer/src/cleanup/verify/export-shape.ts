import ts = require('typescript');

const TYPE_DECLARATION = ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class | ts.SymbolFlags.Enum | ts.SymbolFlags.Module;
const FULL = ts.TypeFormatFlags.NoTruncation;

/**
 * What importers of `file` can see, as text: each export with the type the checker gives it (call and construct
 * signatures spelled out, since a function prints as `typeof f`), plus the text of every top-level type declaration
 * (a printed type names them without their members). Equal before and after: no importer can gain a diagnostic.
 */
export function exportShape(program: ts.Program, file: string): string {
  const sf = program.getSourceFile(file);
  if (!sf) return '';
  const checker = program.getTypeChecker();
  const parts: string[] = [];
  for (const statement of sf.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isModuleDeclaration(statement)) {
      parts.push(sf.text.slice(statement.pos, statement.end));
    }
  }
  const moduleSymbol = checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) return parts.join('\n');
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = target.declarations ?? [];
    if (declarations.length > 0 && declarations.every((d) => d.getSourceFile() !== sf)) {
      parts.push(`${exported.name} from ${declarations[0].getSourceFile().fileName}`);
      continue;
    }
    if (target.flags & TYPE_DECLARATION) parts.push(`${exported.name}: ${declarations.map((d) => sf.text.slice(d.pos, d.end)).join('\n')}`);
    if (target.flags & ts.SymbolFlags.Value || declarations.length === 0) parts.push(`${exported.name}: ${describeType(checker, checker.getTypeOfSymbolAtLocation(exported, sf))}`);
  }
  return parts.join('\n');
}

function describeType(checker: ts.TypeChecker, type: ts.Type): string {
  const signatures = [...type.getCallSignatures(), ...type.getConstructSignatures()];
  if (signatures.length === 0) return checker.typeToString(type, undefined, FULL);
  const own = signatures.map((s) => `${checker.signatureToString(s, undefined, FULL)} => ${checker.typeToString(s.getReturnType(), undefined, FULL)}`);
  const members = checker.getPropertiesOfType(type).map((p) => `${p.name}: ${checker.typeToString(checker.getTypeOfSymbol(p), undefined, FULL)}`);
  return [...own, ...members].join('; ');
}
