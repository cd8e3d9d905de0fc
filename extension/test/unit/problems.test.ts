import * as assert from 'node:assert/strict';
import type { FlagAnnotation, SourceRange } from '@flagsweep/analyzer';
import { problemsToDiagnostics } from '../../src/mapping/problems';

const range = (line: number, column: number, endColumn: number): SourceRange => ({ start: 0, end: 0, line, column, endLine: line, endColumn });

const annotation: FlagAnnotation = {
  key: 'new-checkout',
  file: '/ws/src/flags.ts',
  range: range(3, 1, 40),
  problems: [{ tag: '@expires', value: '2026-13-01', message: '@expires "2026-13-01" is not a date (YYYY-MM-DD)', range: range(4, 13, 23) }],
};

describe('problemsToDiagnostics', () => {
  it('puts an annotation problem on its exact range, as a warning naming the flag', () => {
    const [d] = problemsToDiagnostics({ annotations: [annotation], scan: [], sources: [] });
    assert.deepEqual(d, {
      file: '/ws/src/flags.ts',
      range: { startLine: 3, startCharacter: 12, endLine: 3, endCharacter: 22 },
      severity: 'warning',
      message: '@expires "2026-13-01" is not a date (YYYY-MM-DD)',
      code: { value: 'flagsweep/annotation', target: 'https://github.com/flagsweep/flagsweep/blob/main/extension/README.md#flagsweepannotation' },
      source: 'flagsweep',
      tags: [],
      key: 'new-checkout',
      status: 'annotation',
    });
  });

  it('puts a flag-file error at its line and column, with its severity', () => {
    const diags = problemsToDiagnostics({
      annotations: [],
      scan: [],
      sources: [
        { severity: 'error', where: '/ws/flags.flagd.json', line: 5, column: 26, message: 'invalid JSON at line 5, column 26: value expected; no flags loaded' },
        { severity: 'warning', where: '/ws/flags.flagd.json', line: 9, column: 7, message: '$.flags["x"].state: expected ENABLED or DISABLED' },
      ],
    });
    assert.deepEqual(
      diags.map((d) => [d.file, d.range, d.severity, d.code.value, d.status]),
      [
        ['/ws/flags.flagd.json', { startLine: 4, startCharacter: 25, endLine: 4, endCharacter: 25 }, 'error', 'flagsweep/flag-file', 'flag-file'],
        ['/ws/flags.flagd.json', { startLine: 8, startCharacter: 6, endLine: 8, endCharacter: 6 }, 'warning', 'flagsweep/flag-file', 'flag-file'],
      ],
    );
  });

  it('reports scanner findings at their position but leaves syntax errors to the language server', () => {
    const diags = problemsToDiagnostics({
      annotations: [],
      scan: [
        { severity: 'warning', where: '/ws/src/a.ts', line: 2, column: 4, message: '@flag dark-mode is attached to a check or declaration of "new-checkout"' },
        { severity: 'error', where: '/ws/src/b.ts', line: 1, column: 9, message: "syntax error: ')' expected" },
      ],
      sources: [],
    });
    assert.deepEqual(diags.map((d) => [d.file, d.range.startLine, d.code.value]), [['/ws/src/a.ts', 1, 'flagsweep/scan']]);
  });

  it('skips what has no place in a file: a source id, or a diagnostic without a line', () => {
    const diags = problemsToDiagnostics({
      annotations: [],
      scan: [],
      sources: [
        { severity: 'warning', where: 'unleash:production', message: 'unleash production: offline; no cached state to fall back on' },
        { severity: 'warning', where: '/ws/flags.flagd.json', message: 'no flag file at /ws/flags.flagd.json: every flag in code will show as missing' },
      ],
    });
    assert.deepEqual(diags, []);
  });
});
