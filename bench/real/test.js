'use strict';
// node --test bench/real/test.js: the referee and the sampler on a small project made here (real TypeScript, real git).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { Referee } = require('./referee');
const { sampleFlags } = require('./sample');
const { summarize } = require('./table');

function project() {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-real-')));
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { strict: true, noUnusedLocals: true, jsx: 'react-jsx', types: [] }, include: ['src'] }));
  // Baseline errors of a repo without node_modules: they must not count as new.
  write('src/flags.ts', "import { client } from 'missing-sdk';\nexport const on: boolean = client.isEnabled('x');\nexport interface Opts { on: boolean; label: string }\n");
  write('src/use.ts', "import { on, type Opts } from './flags';\nexport const opts: Opts = { on, label: 'a' };\n");
  write('src/declared.d.ts', "declare module '*.svg' { const url: string; export default url; }\n");
  write('src/icon.ts', "import url from './x.svg';\nexport const icon = url;\n");
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync('git', ['add', '-A'], { cwd: dir });
  execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'base'], { cwd: dir });
  const referee = new Referee(dir, (abs) => {
    try {
      return execFileSync('git', ['show', `HEAD:${path.relative(dir, abs)}`], { cwd: dir, encoding: 'utf8' });
    } catch {
      return undefined;
    }
  });
  return { dir, write, referee, abs: (rel) => path.join(dir, rel) };
}

test('a change that breaks an importer is caught; baseline errors are not new', () => {
  const p = project();
  // Renaming the export breaks src/use.ts (an importer that did not change).
  p.write('src/flags.ts', "import { client } from 'missing-sdk';\nexport const enabled: boolean = client.isEnabled('x');\nexport interface Opts { on: boolean; label: string }\n");
  const r = p.referee.check([p.abs('src/flags.ts')]);
  assert.deepEqual(r.errors, []);
  assert.ok(r.before >= 1, 'the missing SDK is a baseline error');
  assert.deepEqual(r.added.map((d) => [d.file, d.code]), [['src/use.ts', 2305]]);
});

test('an unchanged file and an ambient module declaration give no new diagnostic', () => {
  const p = project();
  p.write('src/icon.ts', "import url from './x.svg';\nexport const icon = `${url}`;\n");
  const r = p.referee.check([p.abs('src/icon.ts')]);
  assert.deepEqual(r.added, []);
});

test('a substituted boolean where a string goes, and a local left unused, are new diagnostics', () => {
  const p = project();
  p.write('src/use.ts', "import { type Opts } from './flags';\nconst left = 1;\nexport const opts: Opts = { on: true, label: true };\n");
  const r = p.referee.check([p.abs('src/use.ts')]);
  assert.deepEqual(r.added.map((d) => d.code).sort(), [2322, 6133]);
});

test('the sample is deterministic, spread over usage counts, and everything when small', () => {
  const flags = Array.from({ length: 200 }, (_, i) => ({ key: `f${i}`, usages: Array(1 + (i % 40)).fill(0) }));
  const a = sampleFlags(flags, 50, 11);
  assert.deepEqual(a, sampleFlags(flags, 50, 11));
  assert.notDeepEqual(a.map((f) => f.key), sampleFlags(flags, 50, 12).map((f) => f.key));
  assert.equal(new Set(a.map((f) => f.key)).size, 50);
  const counts = a.map((f) => f.usages.length);
  const fewest = counts.reduce((m, n) => Math.min(m, n), Infinity);
  const most = counts.reduce((m, n) => Math.max(m, n), 0);
  assert.ok(fewest <= 2 && most >= 39, `spread: ${fewest}..${most}`);
  assert.equal(sampleFlags(flags.slice(0, 10), 50, 11).length, 10);
});

test('the summary counts written, clean, crashes and writes after a verification failure', () => {
  const run = (o) => ({ exit: 0, filesChanged: 1, linesRemoved: 2, leftovers: [], leftForPerson: 0, crashed: false, ms: 10, verification: null, referee: { added: [], errors: [] }, ...o });
  const s = summarize(
    [
      run({}),
      run({ referee: { added: [{}], errors: [] }, verification: { mode: 'types' } }),
      run({ exit: 2, filesChanged: 0, referee: null }),
      run({ exit: 134, crashed: true, filesChanged: 0, referee: null }),
      run({ exit: 1, filesChanged: 0, referee: null, leftForPerson: 3 }),
    ],
    3,
  );
  assert.equal(s.written, 2);
  assert.equal(s.cleanWritten, 1);
  assert.equal(s.cleanPct, 50);
  assert.equal(s.crashes, 1);
  assert.equal(s.refused, 1);
  assert.equal(s.noChange, 1);
  assert.equal(s.writesAfterVerificationFailure, 1);
  assert.equal(s.leftForPerson, 3);
});

test('a diagnostic whose message only reorders a union is not new; one more of the same code is', () => {
  const { addedDiagnostics } = require('./referee');
  const d = (message, line = 1) => ({ id: `a.ts|2322|${message}`, file: 'a.ts', line, code: 2322, message });
  assert.deepEqual(addedDiagnostics([d("Type '(A | B)[]' is not assignable")], [d("Type '(B | A)[]' is not assignable", 3)]), []);
  const added = addedDiagnostics([d('x')], [d('x'), d('y', 9)]);
  assert.deepEqual(added.map((a) => [a.message, a.line]), [['y', 9]]);
});

test('a run whose CLI could not load its own dependencies is an environment failure, not a crash', () => {
  const stderr = "flagsweep: unexpected error: Error: Cannot find module 'ts-morph'\nRequire stack:\n- /x/.bench/real-cli/a/analyzer/dist/cleanup/engine.js\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1207:15)";
  const base = { filesChanged: 0, linesRemoved: 0, leftovers: [], leftForPerson: null, ms: 1, verification: null, referee: null };
  const s = summarize([{ ...base, exit: 2, crashed: true, stderr }, { ...base, exit: 2, crashed: true, stderr: 'TypeError: x is undefined\n    at f (/x/analyzer/dist/a.js:1:2)' }], 2);
  assert.equal(s.cleanups, 1);
  assert.equal(s.crashes, 1);
});

test('the same missing name with and without a spelling suggestion (TS2304/TS2552) is not new', () => {
  const { addedDiagnostics } = require('./referee');
  const d = (code, message) => ({ id: `s.ts|${code}|${message}`, file: 's.ts', line: 1, code, message });
  assert.deepEqual(addedDiagnostics([d(2304, "Cannot find name 'AbortController'.")], [d(2552, "Cannot find name 'AbortController'. Did you mean 'abortController'?")]), []);
});
