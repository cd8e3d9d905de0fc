import * as assert from 'node:assert/strict';
import { diffPath } from '../../src/cleanup/diff';

describe('diffPath: file names in diff headers, quoted as git quotes them', () => {
  it('leaves an ordinary path as it is, non-ASCII letters and spaces included', () => {
    assert.equal(diffPath('a/src/checkout page/Café.tsx'), 'a/src/checkout page/Café.tsx');
  });

  it('quotes a path with a control character, a quote or a backslash, with C escapes', () => {
    assert.equal(diffPath('a/new\nline\t"x"\\y.ts'), '"a/new\\nline\\t\\"x\\"\\\\y.ts"');
  });

  it('writes other controls and bidi overrides as octal bytes of their UTF-8', () => {
    assert.equal(diffPath('a/\u001b[31m.ts'), '"a/\\033[31m.ts"');
    assert.equal(diffPath('a/\u202egnp.ts'), '"a/\\342\\200\\256gnp.ts"');
  });
});
