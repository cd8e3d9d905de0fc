import ts = require('typescript');
import type { Diagnostic, FlagAnnotation, FlagCheck, KeyDeclaration } from '../model';
import type { DetectContext } from './context';
import { FileScope } from './file-scope';
import { matchCall } from './match-call';
import { matchConfigEntry } from './match-config-entry';
import { matchJsx } from './match-jsx';
import { matchMemberAccess, matchMemberDestructure } from './match-member';
import { annotatedDeclaration } from './annotated-declarations';
import { matchableNames, Occurrences } from './occurrences';

export interface FileDetection {
  checks: FlagCheck[];
  /** Declarations holding keys: those a check resolved through (possibly in other files) and those annotated with @flag here. */
  declarations: KeyDeclaration[];
  /** Every flag annotation in this file's comments. */
  annotations: FlagAnnotation[];
  diagnostics: Diagnostic[];
  /** False when the prefilter ruled the file out or it did not parse. */
  parsed: boolean;
}

/**
 * Finds the flag checks in a parsed file. Works on any ts.SourceFile: one from ts.createSourceFile, from
 * typescript-eslint's parser services, or the cleanup engine's parse.
 */
export function detectInSourceFile(sf: ts.SourceFile, ctx: DetectContext): FileDetection {
  const file = sf.fileName.replace(/\\/g, '/');
  const scope = new FileScope(sf, file, ctx);
  const set = ctx.patterns;
  const members = set.membersByLast.size > 0;
  const jsx = set.jsxByName.size > 0;
  const entries = set.configEntries.size > 0;
  const annotations = scope.mayHaveAnnotations;
  // Annotations attach by walking up from declarations and checks.
  if (annotations) scope.needParents();
  // Walked whole: files with annotations (every comment leads some node, comments are read on the way) and files
  // defining flags with a factory (the functions it makes are called by names not known before the walk).
  const occurrences = annotations || scope.importsFlagFactory ? undefined : new Occurrences(sf.text, matchableNames(scope));

  const visit = (node: ts.Node): void => {
    if (occurrences && !occurrences.within(node.pos, node.end)) return;
    if (annotations) scope.scanComments(node);
    switch (node.kind) {
      case ts.SyntaxKind.CallExpression:
        matchCall(node as ts.CallExpression, scope);
        break;
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        if (members) matchMemberAccess(node as ts.PropertyAccessExpression, scope);
        break;
      case ts.SyntaxKind.VariableDeclaration:
        if (members) matchMemberDestructure(node as ts.VariableDeclaration, scope);
        if (annotations) annotatedDeclaration(node as ts.VariableDeclaration, scope);
        break;
      case ts.SyntaxKind.JsxOpeningElement:
      case ts.SyntaxKind.JsxSelfClosingElement:
        if (jsx) matchJsx(node as ts.JsxOpeningElement, scope);
        break;
      case ts.SyntaxKind.PropertyAssignment:
      case ts.SyntaxKind.ShorthandPropertyAssignment:
        if (entries) matchConfigEntry(node as ts.PropertyAssignment, scope);
        if (annotations && node.kind === ts.SyntaxKind.PropertyAssignment) annotatedDeclaration(node as ts.PropertyAssignment, scope);
        break;
      case ts.SyntaxKind.EnumMember:
      case ts.SyntaxKind.PropertyDeclaration:
        if (annotations) annotatedDeclaration(node as ts.EnumMember | ts.PropertyDeclaration, scope);
        break;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  if (annotations) scope.scanComments(sf.endOfFileToken);

  return {
    checks: scope.checks.sort((a, b) => a.range.start - b.range.start || a.keyRange.start - b.keyRange.start),
    declarations: [...scope.declarations.values()],
    annotations: [...scope.annotations.values()].filter((a): a is FlagAnnotation => a !== null).sort((a, b) => a.range.start - b.range.start),
    diagnostics: scope.diagnostics,
    parsed: true,
  };
}
