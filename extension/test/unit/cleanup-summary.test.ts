import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planCleanup, type CleanupPlan } from '../../src/engine/cleanup';
import { FolderIndex } from '../../src/engine/folder-index';
import { appliedWords, confirmationText, refusal, verificationWords } from '../../src/mapping/cleanup-summary';
import { everywhereTitle } from '../../src/mapping/edits';
import { indexingText } from '../../src/mapping/status-bar';
import { flagPickItem } from '../../src/mapping/tree';
import { record } from './records';

const FIXTURE = path.resolve(__dirname, '../../../test-fixtures/vscode-checkout');
const NOW = new Date(Date.UTC(2026, 10, 22));
const rel = (f: string) => f.replace('/ws/', '');

function plan(over: Partial<CleanupPlan> = {}): CleanupPlan {
  return {
    value: true,
    files: [{ file: '/ws/src/a.ts', before: 'x', after: '', edits: [], linesRemoved: 4 }, { file: '/ws/src/b.ts', before: 'y', after: '', edits: [], linesRemoved: 1 }],
    leftForHuman: [],
    testsToReview: [],
    errors: [],
    verification: { mode: 'types', tsconfigs: ['/ws/tsconfig.json'], newDiagnostics: [], checkedFiles: 3, durationMs: 812 },
    ...over,
  };
}

describe('whole-flag cleanup in words', () => {
  it('asks once, saying what changes and what the type check said', () => {
    assert.equal(confirmationText('new-checkout', 'keep ON', plan(), rel), 'Remove flag "new-checkout" (keep ON)? 2 files change, 5 lines removed. Type check (tsconfig.json, 3 files): no new errors.');
    const left = plan({ leftForHuman: [{ file: '/ws/src/a.ts', line: 3, column: 1, reason: 'why' }] });
    assert.match(confirmationText('new-checkout', 'keep ON', left, rel), /1 site is left for you to finish\.$/);
    const pinned = plan({ testsToReview: [{ file: '/ws/src/a.test.ts', line: 3, column: 5, reason: 'this test sets the flag to false' }] });
    assert.match(confirmationText('new-checkout', 'keep ON', pinned, rel), /no new errors\. The test src\/a\.test\.ts sets the flag to the other value: check what it expects\.$/);
  });

  it('says when only syntax could be checked, or nothing', () => {
    assert.equal(verificationWords(plan().verification, rel), 'Type check (tsconfig.json, 3 files): no new errors.');
    assert.equal(verificationWords({ ...plan().verification, mode: 'syntax', tsconfigs: [] }, rel), 'No tsconfig covers these files: checked that every file still parses, types not checked.');
    assert.equal(verificationWords({ ...plan().verification, mode: 'skipped' }, rel), 'Not type-checked.');
  });

  it('refuses a cleanup that adds type errors, listing them, and one with engine errors', () => {
    const d = { file: '/ws/src/a.ts', line: 4, column: 17, code: 6133, message: "'user' is declared but its value is never read." };
    assert.equal(
      refusal('greeting-v2', plan({ verification: { ...plan().verification, newDiagnostics: [d] } }), rel),
      'flagsweep: removing flag "greeting-v2" would add 1 type error, so nothing was changed: src/a.ts:4:17 TS6133 \'user\' is declared but its value is never read.',
    );
    const many = plan({ verification: { ...plan().verification, newDiagnostics: [d, d, d, d, d] } });
    assert.match(refusal('x', many, rel)!, /would add 5 type errors.*; and 2 more \(run `flagsweep cleanup x` to see all\)$/);
    assert.equal(refusal('x', plan({ errors: ['no single value'] }), rel), 'flagsweep: cannot remove flag "x": no single value');
    assert.equal(refusal('x', plan(), rel), undefined);
  });

  it('tells the person when the preview left changes out', () => {
    assert.equal(appliedWords('x', 2, 2), undefined);
    assert.equal(appliedWords('x', 2, 0), 'flagsweep: nothing was applied for flag "x" (the changes were unticked or discarded in the preview).');
    assert.match(appliedWords('x', 3, 1)!, /^flagsweep: only 1 of 3 files were changed for flag "x"/);
  });

  it('names flags in the pickers with status, owner, winning value and usages', () => {
    assert.deepEqual(flagPickItem(record()), {
      label: '$(error) new-checkout',
      description: 'expired · owner payments · winning value true · 2 usages',
      detail: record().reason,
    });
  });

  it('shows indexing progress and leaves file counts out while counting', () => {
    assert.equal(indexingText(1200, 3400), 'flagsweep: indexing 1,200 / 3,400 files');
    assert.equal(indexingText(0, 0), 'flagsweep: listing files…');
    assert.equal(everywhereTitle('new-checkout', 'keep ON', undefined), 'Remove flag "new-checkout" everywhere (keep ON)…');
  });
});

describe('planCleanup with verification (the engine the editor runs)', function () {
  // The first type check loads TypeScript's lib files: seconds on a busy machine.
  this.timeout(60_000);
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-plan-'));
    fs.cpSync(FIXTURE, root, { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const readFile = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);
  const noOpenFiles = (): undefined => undefined;

  it('type-checks a clean removal and finds no new error', async () => {
    const index = new FolderIndex({ root, readFile, now: NOW });
    const result = await planCleanup(index, noOpenFiles, 'legacy-banner', true, { kind: 'project' }, { verify: true });
    assert.deepEqual(result.errors, []);
    assert.equal(result.verification.mode, 'types');
    assert.deepEqual(result.verification.newDiagnostics, []);
    assert.ok(result.files.some((f) => f.file.endsWith('src/banner.ts')));
  });

  it('finds the type error a removal would add, so the editor offers nothing to apply', async () => {
    // With noUnusedParameters, keeping OFF leaves `user` unread: a new TS6133 the project did not have.
    const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
    tsconfig.compilerOptions.noUnusedParameters = true;
    fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify(tsconfig));
    fs.writeFileSync(
      path.join(root, 'src/greeting.ts'),
      "import { UnleashClient } from 'unleash-proxy-client';\n\nconst unleash = new UnleashClient({ url: 'https://flags.example/api/frontend', clientKey: 'frontend', appName: 'shop' });\n\nexport function greeting(user: { name: string }): string {\n  if (unleash.isEnabled('legacy-banner')) return `Hello ${user.name}`;\n  return 'Hello';\n}\n",
    );
    const index = new FolderIndex({ root, readFile, now: NOW });
    const result = await planCleanup(index, noOpenFiles, 'legacy-banner', false, { kind: 'project' }, { verify: true });
    assert.equal(result.verification.mode, 'types');
    assert.deepEqual(
      result.verification.newDiagnostics.map((d) => `${path.relative(root, d.file)}:${d.line} TS${d.code}`),
      ['src/greeting.ts:5 TS6133'],
    );
    assert.match(refusal('legacy-banner', result, (f) => path.relative(root, f))!, /would add 1 type error, so nothing was changed: src\/greeting\.ts:5:\d+ TS6133 'user' is declared but its value is never read\./);
  });

  it('refuses, as the CLI does, a file on disk that is not UTF-8 (VS Code would save it re-encoded); open in the editor, it is the editor\'s text', async () => {
    const greeting = path.join(root, 'src/greeting.ts');
    const text = "import { UnleashClient } from 'unleash-proxy-client';\n\nconst unleash = new UnleashClient({ url: 'https://flags.example/api/frontend', clientKey: 'frontend', appName: 'shop' });\n\n// caf\u00e9\nexport const greeting = unleash.isEnabled('legacy-banner') ? 'Hello' : 'Hi';\n";
    fs.writeFileSync(greeting, Buffer.from(text, 'latin1'));
    const index = new FolderIndex({ root, readFile, now: NOW });
    const onDisk = await planCleanup(index, noOpenFiles, 'legacy-banner', true, { kind: 'project' }, { verify: true });
    assert.deepEqual(onDisk.errors.map((e) => e.replace(root, '<root>')), ['<root>/src/greeting.ts: not valid UTF-8; flagsweep never re-encodes a file: convert it to UTF-8 or remove the flag there by hand']);
    const open = await planCleanup(index, (f) => (f === greeting ? text : undefined), 'legacy-banner', true, { kind: 'project' }, { verify: true });
    assert.deepEqual(open.errors, []);
    assert.ok(open.files.some((f) => f.file === greeting && f.after.includes("export const greeting = 'Hello';")));
  });
});
