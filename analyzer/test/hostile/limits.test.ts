import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AnalysisResult } from '../../src/analyze';
import { resolveConfig } from '../../src/config';
import { renderDebtText } from '../../src/debt';
import type { DebtReport } from '../../src/debt/types';
import { decodeText, FileReadError, readTextFile, tooDeepAt } from '../../src/fs';
import { catastrophicBacktracking } from '../../src/keys/safe-regex';
import type { FlagRecord } from '../../src/model';
import { escapeControlChars, oneLine } from '../../src/report/control-chars';
import { formatText } from '../../src/report/text';
import { formatSourcesText } from '../../src/cli/commands/sources';

/** More records than a spread into Math.max() survives (the call stack holds ~100k arguments). */
const MANY = 200_000;

describe('limits: huge inputs, the safe reader, key patterns, control characters', () => {
  it(`the text report, the debt text and the sources list work with ${MANY} flags (no Math.max spread)`, function () {
    this.timeout(120_000);
    const records: FlagRecord[] = Array.from({ length: MANY }, (_, i) => ({
      key: `flag-${i}`,
      status: 'unused',
      reason: 'defined but not read',
      usages: [],
      declarations: [],
      winner: { kind: 'code-default' },
      owner: `team-${i}`,
    }));
    const result = {
      config: resolveConfig({}, '/repo'),
      now: new Date('2026-11-22'),
      records,
      dynamic: [],
      skipped: [],
      diagnostics: [],
      snapshots: [],
      stats: { files: 1, parsedFiles: 1, lines: 1, durationMs: 1 },
    } as AnalysisResult;
    const text = formatText(result, { color: false });
    assert.match(text, /UNUSED: defined, but no code reads them \(200000\)/);
    const byOwner = records.map((r) => ({ owner: r.owner!, flags: 1, needsAction: 1, usages: 0, byStatus: {} }));
    const oldest = records.map((r) => ({ key: r.key, ageDays: 1, firstSeen: '2026-01-01', status: r.status }));
    const debt = { summary: { flags: MANY, needsAction: MANY, byOwner, oldest }, git: { notes: [] } } as unknown as DebtReport;
    assert.match(renderDebtText(debt), /by owner:/);
    const snapshots = records.map((r) => ({ id: r.key, kind: 'flagd' as const, states: [], health: 'ok' as const, diagnostics: [] }));
    assert.equal(formatSourcesText(snapshots, false).split('\n').length, MANY + 1);
  });

  describe('readTextFile: regular files only, size cap, one-line reasons', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-read-'));
      fs.writeFileSync(path.join(dir, 'small.txt'), 'hello');
      fs.writeFileSync(path.join(dir, 'big.txt'), Buffer.alloc(3 * 1024 * 1024 + 512 * 1024, 0x61));
      execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const reason = (file: string, options = {}) => {
      try {
        readTextFile(file, options);
        return 'read';
      } catch (e) {
        assert.ok(e instanceof FileReadError);
        assert.equal(e.message, `${file}: ${e.reason}`);
        return e.reason;
      }
    };

    it('reads a regular file', () => assert.equal(readTextFile(path.join(dir, 'small.txt')), 'hello'));
    it('reads UTF-16 as TypeScript does (by its byte-order mark, kept as U+FEFF), UTF-8 otherwise', () => {
      const text = '\uFEFFconst café = "☕";\n';
      const le = Buffer.from(text, 'utf16le');
      const be = Buffer.from(le).swap16();
      assert.equal(decodeText(le), text);
      assert.equal(decodeText(be), text);
      // An odd last byte is no character; without a mark, bytes are UTF-8 (a lone 0xFF included).
      assert.equal(decodeText(Buffer.concat([le, Buffer.from([0x41])])), text);
      assert.equal(decodeText(Buffer.from(text, 'utf8')), text);
      assert.equal(decodeText(Buffer.from([0xff])), '\uFFFD');
      fs.writeFileSync(path.join(dir, 'utf16.ts'), be);
      assert.equal(readTextFile(path.join(dir, 'utf16.ts')), text);
    });
    it('refuses a FIFO at once', () => assert.equal(reason(path.join(dir, 'fifo')), 'is a FIFO (named pipe), not a regular file'));
    it('refuses a folder', () => assert.equal(reason(dir), 'is a folder, not a regular file'));
    it('refuses a device', () => assert.equal(reason('/dev/zero'), 'is a character device, not a regular file'));
    it('names a missing file', () => assert.equal(reason(path.join(dir, 'nope')), 'no such file'));
    it('refuses a file over the limit, naming the setting', () =>
      assert.equal(reason(path.join(dir, 'big.txt'), { maxBytes: 2 * 1024 * 1024, limitSetting: 'maxFileBytes' }), '3.5 MB, over the 2 MB limit ("maxFileBytes")'));
    it('counts what it read when the size is not known up front (/proc)', () =>
      assert.equal(reason('/proc/self/status', { maxBytes: 10 }).replace(/^\d+(\.\d)? (bytes|KB)/, 'N'), 'N, over the 10 bytes limit'));
  });

  it('tooDeepAt: brackets in strings and comments do not count; the first bracket past the limit is named', () => {
    assert.equal(tooDeepAt('[[["[[[[[[["]]]', 3), undefined);
    assert.equal(tooDeepAt('// [[[[[[\n[[[]]]', 3), undefined);
    assert.equal(tooDeepAt('/* [[[[ */ {"a": [[]]}', 3), undefined);
    assert.equal(tooDeepAt('{"a": [[[ ]]]}', 3), 8);
    assert.equal(tooDeepAt('['.repeat(200_000)), 1000);
  });

  it('catastrophicBacktracking: nested or overlapping repetition is refused; common key patterns pass', () => {
    const refused = ['^(a+)+$', '(a*)*', '^(\\w+\\s?)*$', '((ab)*)+', '(x{2,})+', '(?:a+)+b', '(a|a)*', '(a|ab)+x', '^([a-z]+)*$'];
    const allowed = ['^[a-z]', '^[a-z][a-z0-9-]*$', '^[a-z]+(-[a-z0-9]+)*$', '^(?:[a-z]+-)*[a-z]+$', '^([a-z]+\\.)*[a-z]+$', '^rel-[a-z-]{1,60}$', '^(a|b)+$', '(a?)+', '^(exp|rel|ops)-'];
    for (const p of refused) assert.ok(catastrophicBacktracking(p), `refused: ${p}`);
    for (const p of allowed) assert.equal(catastrophicBacktracking(p), undefined, `allowed: ${p}`);
    // The refused ones really are slow: the first takes exponential time on a near miss.
    const started = performance.now();
    new RegExp('^(a+)+$').test(`${'a'.repeat(22)}!`);
    assert.ok(performance.now() - started > 5, 'the refused pattern backtracks');
  });

  it('oneLine and escapeControlChars show control characters instead of sending them', () => {
    assert.equal(oneLine('a\u001b[2Jb\u0007c\nd\te\u009bf\u202eg'), 'a\\x1b[2Jb\\x07c\\nd\\te\\x9bf\\u202eg');
    assert.equal(escapeControlChars('a\u001bb\r\nc\td'), 'a\\x1bb\r\nc\td');
    assert.equal(oneLine('plain · ünïcode ✔'), 'plain · ünïcode ✔');
    const sources = formatSourcesText([{ id: 'unleash:production', kind: 'unleash', states: [], health: 'ok', diagnostics: [{ severity: 'warning', where: 'unleash:production', message: 'flag "a\u001b[31m" skipped' }] }], false);
    assert.equal(sources, 'unleash:production  ok       0 flags\n  warning: flag "a\\x1b[31m" skipped\n');
  });
});
