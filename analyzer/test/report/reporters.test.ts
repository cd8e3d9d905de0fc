import * as assert from 'node:assert/strict';
import { buildDebtReport, type DebtReport } from '../../src/debt';
import { renderCsv, renderHtml, renderMarkdown, renderSarif } from '../../src/report';
import { check, record, ROOT, sampleRecords } from '../debt/records';
import { sarifValidator } from './sarif-validator';

function sample(): DebtReport {
  return buildDebtReport({
    records: sampleRecords(),
    root: ROOT,
    today: '2026-11-22',
    git: {
      repoRoot: '/repo',
      head: 'b'.repeat(40),
      byKey: new Map([['checkout-v2', { firstSeen: '2025-11-01', lastTouched: '2026-06-01', uncommitted: false }]]),
      invocations: 6,
      notes: [],
    },
    removableLines: new Map([['checkout-v2', 14]]),
    tool: { name: 'flagsweep', version: '0.1.0' },
  });
}

describe('SARIF reporter', () => {
  const validate = sarifValidator();

  it('is valid SARIF 2.1.0 with one result per usage of expired, stale and missing flags', () => {
    const log = JSON.parse(renderSarif(sample()));
    assert.deepEqual(validate(log), []);
    const run = log.runs[0];
    assert.deepEqual(
      run.tool.driver.rules.map((r: { id: string }) => r.id),
      ['flagsweep/expired', 'flagsweep/stale', 'flagsweep/missing'],
    );
    assert.deepEqual(
      run.results.map((r: any) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]),
      [
        ['flagsweep/expired', 'error', 'app/src/server/pay.ts', 40],
        ['flagsweep/expired', 'error', 'app/src/web/Checkout.tsx', 12],
        ['flagsweep/missing', 'error', 'app/src/web/Header.tsx', 7],
        ['flagsweep/stale', 'warning', 'app/src/server/search.ts', 3],
      ],
    );
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.match(run.results[0].message.text, /^Flag 'checkout-v2' is expired: expired on 2026-10-01 \(52 days ago\)\./);
    assert.equal(run.results[0].properties.removableLines, 14);
    // The region spans the whole check, so code scanning underlines the call, not one character.
    const checkRegion = sample().flags[0].usages[0];
    assert.deepEqual(run.results[0].locations[0].physicalLocation.region, {
      startLine: checkRegion.line,
      startColumn: checkRegion.column,
      endLine: checkRegion.endLine,
      endColumn: checkRegion.column + 30,
    });
  });

  it('keeps fingerprints when a usage moves to another line, and encodes paths as URI references', () => {
    const moved = buildDebtReport({
      records: [record('k', 'expired', [check('k', 'src/my file#1.ts', 10)])],
      root: ROOT,
      today: '2026-11-22',
    });
    const later = buildDebtReport({
      records: [record('k', 'expired', [check('k', 'src/my file#1.ts', 25)])],
      root: ROOT,
      today: '2026-11-22',
    });
    const a = JSON.parse(renderSarif(moved));
    const b = JSON.parse(renderSarif(later));
    assert.deepEqual(validate(a), []);
    assert.equal(a.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'src/my%20file%231.ts');
    assert.deepEqual(a.runs[0].results[0].partialFingerprints, b.runs[0].results[0].partialFingerprints);
  });

  it('lists only the rules for the requested statuses', () => {
    const log = JSON.parse(renderSarif(sample(), { statuses: ['expiring'] }));
    assert.deepEqual(validate(log), []);
    assert.deepEqual(log.runs[0].results.map((r: any) => [r.ruleId, r.level]), [['flagsweep/expiring', 'note']]);
  });
});

describe('Markdown reporter', () => {
  it('escapes HTML and table pipes from keys and owners', () => {
    const md = renderMarkdown(sample());
    assert.ok(md.includes('`promo-<b>banner</b>`'), 'keys are code spans, which GitHub shows literally');
    assert.ok(!md.replace(/`[^`]*`/g, '').includes('<b>'), 'no raw HTML outside code spans');
    assert.ok(md.includes('growth \\| "marketing"'), 'pipes escaped in cells');
    assert.match(md, /\| expired \| 1 \|/);
    assert.match(md, /14 removable lines/);
  });

  it('links usages to the repository at HEAD when --repo-url is given', () => {
    const md = renderMarkdown(sample(), { repoUrl: 'https://github.com/acme/shop/' });
    assert.ok(md.includes(`[src/web/Checkout.tsx:12](https://github.com/acme/shop/blob/${'b'.repeat(40)}/app/src/web/Checkout.tsx#L12)`));
  });


  it('marks usages on changed lines in --since mode', () => {
    const report = sample();
    report.flags[0].usages[1].changed = true;
    const md = renderMarkdown(report);
    assert.ok(md.includes('src/server/pay.ts:40<br>src/web/Checkout.tsx:12 (changed)'), md);
  });

  it('caps each flag table so a large report still fits a PR comment', () => {
    const records = Array.from({ length: 30 }, (_, i) => record(`flag-${String(i).padStart(2, '0')}`, 'expired', [check(`flag-${i}`, 'a.ts', i + 1)]));
    const md = renderMarkdown(buildDebtReport({ records, root: ROOT, today: '2026-11-22' }), { maxFlagsPerTable: 10 });
    assert.equal((md.match(/^\| `flag-/gm) ?? []).length, 10);
    assert.match(md, /… and 20 more/);
  });
});

describe('CSV reporter', () => {
  it('writes one RFC 4180 row per usage and defuses spreadsheet formulas', () => {
    const report = buildDebtReport({
      records: [
        record('a,b', 'expired', [check('a,b', 'x.ts', 1), check('a,b', 'y.ts', 2)], { owner: '=cmd|"/c calc"!A1', expires: '2026-01-01' }),
        record('n', 'unused', [], { winner: { kind: 'value', value: -1 } }),
      ],
      root: ROOT,
      today: '2026-11-22',
    });
    const lines = renderCsv(report).split('\r\n');
    assert.deepEqual(lines, [
      'key,path,line,column,kind,status,owner,expires,winningValue,ageDays',
      '"a,b",x.ts,1,5,call,expired,"\'=cmd|""/c calc""!A1",2026-01-01,true,',
      '"a,b",y.ts,2,5,call,expired,"\'=cmd|""/c calc""!A1",2026-01-01,true,',
      'n,,,,,unused,,,-1,',
      '',
    ]);
  });
});

describe('HTML reporter', () => {
  it('escapes every string and draws one bar per status with its count', () => {
    const html = renderHtml(sample());
    assert.ok(!html.includes('<b>banner'), 'key is escaped');
    assert.ok(html.includes('promo-&lt;b&gt;banner&lt;/b&gt;'));
    assert.ok(html.includes('growth | &quot;marketing&quot;'));
    for (const status of ['expired', 'missing', 'stale', 'expiring', 'unused', 'active']) {
      assert.ok(html.includes(`data-label="${status}" data-value="1"`), status);
    }
    assert.ok(!/(src|href)="(https?:)?\/\//.test(html), 'no network resources');
  });
});

describe('reporters on an empty project', () => {
  it('render without NaN or undefined and with zero counts', () => {
    const empty = buildDebtReport({ records: [], root: ROOT, today: '2026-11-22' });
    const outputs = [renderHtml(empty), renderMarkdown(empty), renderCsv(empty), renderSarif(empty)];
    for (const out of outputs) assert.ok(!/(?<!is)NaN|\bundefined\b|Infinity/.test(out), out.slice(0, 200));
    assert.ok(renderHtml(empty).includes('data-label="expired" data-value="0"'));
    assert.match(renderMarkdown(empty), /Nothing to do: every flag is active\./);
    assert.deepEqual(sarifValidator()(JSON.parse(renderSarif(empty))), []);
  });
});
