import type { FlagAnnotation, FlagCheck, KeyDeclaration } from '../model';
import type { FileResult, ScanSummary } from './types';

/**
 * Joins per-file results as the project-wide scan reports them: checks and diagnostics in file order, each
 * declaration and annotation once (a file's detection also carries those it followed into other files), by place.
 */
export function summarize(results: Iterable<FileResult>, listedFiles: number): ScanSummary {
  const all = [...results];
  const parsed = all.filter((r) => r.parsed).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const { declarations, annotations } = declarationsAndAnnotations(parsed);
  return {
    files: listedFiles,
    parsedFiles: parsed.length,
    lines: all.reduce((n, r) => n + r.lines, 0),
    checks: parsed.flatMap((r) => r.checks),
    declarations,
    annotations,
    skipped: all.flatMap((r) => (r.skipped ? [r.skipped] : [])),
    diagnostics: parsed.flatMap((r) => r.diagnostics),
  };
}

export function declarationsAndAnnotations(results: readonly FileResult[]): { declarations: KeyDeclaration[]; annotations: FlagAnnotation[] } {
  const declarations = new Map<string, KeyDeclaration>();
  const annotations = new Map<string, FlagAnnotation>();
  for (const r of results) {
    for (const decl of r.declarations) declarations.set(`${decl.file}\0${decl.range.start}`, decl);
    for (const a of r.annotations) annotations.set(`${a.file}\0${a.range.start}`, a);
    for (const decl of r.declarations) if (decl.annotation) annotations.set(`${decl.annotation.file}\0${decl.annotation.range.start}`, decl.annotation);
  }
  return { declarations: [...declarations.values()].sort(byPlace), annotations: [...annotations.values()].sort(byPlace) };
}

/** Checks in file order (by path), then in their order within the file. */
export function checksInFileOrder(results: Iterable<FileResult>): FlagCheck[] {
  return [...results]
    .filter((r) => r.parsed)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .flatMap((r) => r.checks);
}

function byPlace(a: { file: string; range: { start: number } }, b: { file: string; range: { start: number } }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start - b.range.start;
}
