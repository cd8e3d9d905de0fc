import { strict as assert } from 'node:assert';
import ts = require('typescript');
import { identity, newDiagnostics } from '../../src/cleanup/verify/compare';

function diag(code: number, message: string, file = '/p/src/a.ts'): ts.Diagnostic {
  const sf = ts.createSourceFile(file, 'const x = 1;\n', ts.ScriptTarget.Latest);
  return { file: sf, start: 0, length: 1, code, messageText: message, category: ts.DiagnosticCategory.Error };
}

describe('cleanup verification: comparing diagnostics before and after', () => {
  it('one pre-existing error worded differently by another Program is not new (union order, spelling suggestion)', () => {
    const before = [
      diag(2322, "Type 'string' is not assignable to type '\"a\" | \"b\" | undefined'."),
      diag(2304, "Cannot find name 'AbortController'."),
      diag(2339, "Property 'foo' does not exist on type 'Bar'."),
    ];
    const after = [
      diag(2322, "Type 'string' is not assignable to type 'undefined | \"b\" | \"a\"'."),
      diag(2552, "Cannot find name 'AbortController'. Did you mean 'abortController'?"),
      diag(2551, "Property 'foo' does not exist on type 'Bar'. Did you mean 'for'?"),
    ];
    assert.deepEqual(newDiagnostics(before, after), []);
  });

  it('in a file the cleanup did not change, an error at the same place with the same code is the same error, reworded', () => {
    const at = (text: string, start: number, message: string, code = 2322): ts.Diagnostic => ({
      file: ts.createSourceFile('/p/src/landing.tsx', text, ts.ScriptTarget.Latest),
      start,
      length: 6,
      code,
      messageText: message,
      category: ts.DiagnosticCategory.Error,
    });
    const text = 'const row = <VPCRow isEnabled={flags.on} key={id} />;\n';
    const before = [at(text, 13, "Type '{ isEnabled: any; key: any; }' is not assignable to type 'Props'.")];
    const reworded = [at(text, 13, "Type '{ isEnabled: boolean; key: any; }' is not assignable to type 'Props'.")];
    assert.deepEqual(newDiagnostics(before, reworded), []);
    // Another place, another code, or a file whose text changed: new.
    assert.equal(newDiagnostics(before, [at(text, 30, 'x')]).length, 1);
    assert.equal(newDiagnostics(before, [at(text, 13, 'x', 2345)]).length, 1);
    assert.equal(newDiagnostics(before, [at(text.replace('flags.on', 'true'), 13, 'x')]).length, 1);
  });

  it('a second identical error, another file, another name or another type is new', () => {
    const before = [diag(2304, "Cannot find name 'a'.")];
    const after = [
      diag(2304, "Cannot find name 'a'."),
      diag(2304, "Cannot find name 'a'."),
      diag(2304, "Cannot find name 'a'.", '/p/src/b.ts'),
      diag(2304, "Cannot find name 'c'."),
      diag(2322, "Type 'number' is not assignable to type '(a | b)[]'."),
    ];
    assert.deepEqual(
      newDiagnostics(before, after).map((d) => `${d.file} TS${d.code} ${d.message}`),
      [
        "/p/src/a.ts TS2304 Cannot find name 'a'.",
        "/p/src/b.ts TS2304 Cannot find name 'a'.",
        "/p/src/a.ts TS2304 Cannot find name 'c'.",
        "/p/src/a.ts TS2322 Type 'number' is not assignable to type '(a | b)[]'.",
      ],
    );
  });

  it('sorts only the top level of a union', () => {
    assert.equal(identity(diag(2322, "Type 'x' is not assignable to type 'B | (c | a)'.")), identity(diag(2322, "Type 'x' is not assignable to type '(c | a) | B'.")));
    assert.notEqual(identity(diag(2322, "Type 'x' is not assignable to type '(c | a)'.")), identity(diag(2322, "Type 'x' is not assignable to type '(a | c)'.")));
  });
});
