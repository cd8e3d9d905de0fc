import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { applyEdits, cleanupFileText, cleanupFlag, minimalEdits, removeFlagDefinition, RewriteError } from '../../src/cleanup';
import { resolveConfig } from '../../src/config';
import type { FlagCheck } from '../../src/model';

const ROOT = '/virtual/app';
const config = resolveConfig({ sdks: [], patterns: [{ call: '*.isEnabled', default: 1 }] }, ROOT);
const memory = (files: Record<string, string>) => (f: string) => files[f];

describe('cleanupFlag library API', () => {
  it('site scope cleans only the check at the offset and leaves the file\'s other checks', async () => {
    const file = path.posix.join(ROOT, 'a.ts');
    const text = "export const a = client.isEnabled('x') ? 1 : 2;\nexport const b = client.isEnabled('x') ? 3 : 4;\n";
    const offset = text.lastIndexOf("isEnabled('x')");
    const r = await cleanupFlag({ config, key: 'x', value: true, scope: { kind: 'site', file, offset }, readFile: memory({ [file]: text }) });
    assert.deepEqual(r.errors, []);
    assert.equal(r.files[0].after, "export const a = client.isEnabled('x') ? 1 : 2;\nexport const b = 3;\n");
    assert.equal(applyEdits(text, r.files[0].edits), r.files[0].after);
    assert.deepEqual(r.files[0].edits, [{ start: text.lastIndexOf('client'), end: text.length - 2, newText: '3' }], 'one minimal edit');
  });

  it('uses the common literal code default when no value is given', async () => {
    const file = path.posix.join(ROOT, 'a.ts');
    const text = "export const a = client.isEnabled('x', true) ? 1 : 2;\nexport function f() { return client.isEnabled('x', true); }\n";
    const r = await cleanupFlag({ config, key: 'x', scope: { kind: 'file', file }, readFile: memory({ [file]: text }) });
    assert.deepEqual(r.errors, []);
    assert.equal(r.value, true);
    assert.equal(r.files[0].after, 'export const a = 1;\nexport function f() { return true; }\n');
  });

  it('asks for a value when the checks\' code defaults differ', async () => {
    const file = path.posix.join(ROOT, 'a.ts');
    const text = "export const a = client.isEnabled('x', true);\nexport const b = client.isEnabled('x', false);\n";
    const r = await cleanupFlag({ config, key: 'x', scope: { kind: 'file', file }, readFile: memory({ [file]: text }) });
    assert.equal(r.errors[0]?.kind, 'needs-value');
    assert.match(r.errors[0].message, /pass --value/);
    assert.deepEqual(r.files, []);
  });

  it('cleans an in-memory project given its file list (no disk reads, no listing)', async () => {
    const a = path.posix.join(ROOT, 'a.ts');
    const b = path.posix.join(ROOT, 'b.ts');
    const c = path.posix.join(ROOT, 'c.ts');
    const files = {
      [a]: "export const KEY = 'new-x';\n",
      [b]: "import { KEY } from './a';\nexport const on = () => (client.isEnabled(KEY) ? 'new' : 'old');\n",
      [c]: 'export const unrelated = 1;\n',
    };
    const r = await cleanupFlag({ config, key: 'new-x', value: false, scope: { kind: 'project' }, readFile: memory(files), projectFiles: [a, b, c] });
    assert.deepEqual(r.errors, []);
    assert.equal(r.stats.filesScanned, 3);
    assert.equal(r.stats.filesLoaded, 2);
    assert.deepEqual(
      r.files.map((f) => [f.file, f.after]),
      [
        [a, ''],
        [b, "export const on = () => 'old';\n"],
      ],
    );
  });

  it('a file with syntax errors is reported, not rewritten', async () => {
    const file = path.posix.join(ROOT, 'a.ts');
    const text = "export const a = client.isEnabled('x') ? (1 : 2;\n";
    const r = await cleanupFlag({ config, key: 'x', value: true, scope: { kind: 'file', file }, readFile: memory({ [file]: text }) });
    assert.equal(r.errors[0]?.kind, 'parse');
    assert.match(r.errors[0].message, /a\.ts:1:\d+/);
    assert.deepEqual(r.files, []);
  });
});

describe('cleanupFileText re-parse guarantee', () => {
  it('refuses a rewrite that would not re-parse, naming the file, position and construct', () => {
    const file = '/virtual/app/b.ts';
    const text = "import { a } from './a';\nexport const x = a;\n";
    // A hand-built check whose range is a declared name: writing the value `true` there cannot parse.
    const start = text.indexOf('x =');
    const range = { start, end: start + 1, line: 2, column: 14, endLine: 2, endColumn: 15 };
    const check: FlagCheck = { key: 'x', file, range, keyRange: range, kind: 'call', polarity: 'positive', evaluates: 'boolean', sdk: 'custom', pattern: 'test', keyOrigin: 'literal' };
    assert.throws(
      () => cleanupFileText({ file, text, value: true, findChecks: (t) => (t === text ? [check] : []), patterns: [], overrideNames: new Set() }),
      (e: unknown) => e instanceof RewriteError && e.file === file && e.line === 2 && /b\.ts:2:14: rewriting this variable declaration would not re-parse/.test(e.message) && /nothing was written/.test(e.message),
    );
  });
});

describe('minimal edits', () => {
  it('touch only changed characters and reproduce the new text', () => {
    const before = 'a\nb\nc\nd\ne\n';
    const after = 'a\nB\nc\ne\nf\n';
    const edits = minimalEdits(before, after);
    assert.equal(applyEdits(before, edits), after);
    assert.ok(edits.every((e) => e.end - e.start <= 2), JSON.stringify(edits));
    assert.deepEqual(minimalEdits(before, before), []);
  });
});

describe('flagd definition removal', () => {
  const doc = '{\n  "flags": {\n    "a": { "state": "ENABLED" },\n    "x": {\n      "state": "ENABLED"\n    },\n    "z": { "state": "DISABLED" }\n  }\n}\n';
  it('removes one flag and keeps the rest of the formatting', () => {
    assert.equal(removeFlagDefinition(doc, 'x').text, '{\n  "flags": {\n    "a": { "state": "ENABLED" },\n    "z": { "state": "DISABLED" }\n  }\n}\n');
  });
  it('leaves a file without the flag alone and reports invalid JSON', () => {
    assert.equal(removeFlagDefinition(doc, 'nope').text, doc);
    assert.match(removeFlagDefinition('{ "flags": ', 'x').error ?? '', /not valid JSON/);
  });
});
