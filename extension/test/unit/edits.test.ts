import * as assert from 'node:assert/strict';
import { editsToWorkspaceEdit, everywhereTitle, hereTitle } from '../../src/mapping/edits';
import { LineMap } from '../../src/mapping/ranges';

describe('editsToWorkspaceEdit', () => {
  const before = "import { useFlag } from 'x';\nconst on = useFlag('new-checkout');\nif (on) {\n  a();\n} else {\n  b();\n}\n";

  it('maps offset edits into line/character ranges of the text they were computed on, sorted', () => {
    const start = before.indexOf('if (on)');
    const end = before.length;
    const files = editsToWorkspaceEdit(
      [{ file: '/ws/a.ts', before, edits: [{ start, end, newText: 'a();\n' }, { start: 0, end: before.indexOf('\n') + 1, newText: '' }] }],
      { label: 'Remove flag new-checkout', needsConfirmation: true, relativeName: (f) => f.replace('/ws/', '') },
    );
    assert.equal(files.length, 1);
    assert.deepEqual(files[0].edits, [
      { range: { startLine: 0, startCharacter: 0, endLine: 1, endCharacter: 0 }, newText: '' },
      { range: { startLine: 2, startCharacter: 0, endLine: 7, endCharacter: 0 }, newText: 'a();\n' },
    ]);
    assert.deepEqual(files[0].metadata, { label: 'Remove flag new-checkout', description: 'a.ts', needsConfirmation: true });
  });

  it('a file read from disk with a byte-order mark: ranges are those of the document, which holds no mark (first line included)', () => {
    const disk = `\uFEFF${before}`;
    const importLine = { start: 1, end: disk.indexOf('\n') + 1, newText: '' };
    const [file] = editsToWorkspaceEdit([{ file: '/ws/a.ts', before: disk, edits: [importLine] }], { label: 'l', needsConfirmation: false });
    assert.deepEqual(file.edits, [{ range: { startLine: 0, startCharacter: 0, endLine: 1, endCharacter: 0 }, newText: '' }]);
    // The same cleanup computed on the open document's text (no mark) maps to the same range.
    const [open] = editsToWorkspaceEdit([{ file: '/ws/a.ts', before, edits: [{ start: 0, end: before.indexOf('\n') + 1, newText: '' }] }], { label: 'l', needsConfirmation: false });
    assert.deepEqual(open.edits, file.edits);
  });

  it('drops files without edits', () => {
    assert.deepEqual(editsToWorkspaceEdit([{ file: '/ws/b.ts', before: 'x', edits: [] }], { label: 'l', needsConfirmation: false }), []);
  });

  it('handles CRLF text and the end of the text', () => {
    const map = new LineMap('a\r\nbc\r\n');
    assert.deepEqual(map.position(3), { line: 1, character: 0 });
    assert.deepEqual(map.position(7), { line: 2, character: 0 });
  });

  it('titles the code actions as the issue words them', () => {
    assert.equal(hereTitle('new-checkout', 'keep `true`'), 'Remove flag "new-checkout" here (keep `true`)');
    assert.equal(everywhereTitle('new-checkout', 'keep ON', 2), 'Remove flag "new-checkout" everywhere (2 files, keep ON)…');
    assert.equal(hereTitle('search-v2', 'keep OFF', true), 'Remove flag "search-v2" here (your choice: keep OFF)');
  });
});
