import { strict as assert } from 'node:assert';
import { loadConfig } from '../../src/config';
import { scanProject } from '../../src/detect';
import { checkDate, parseFlagAnnotation, textLocator } from '../../src/keys';
import { annotationSummary, assertChecks, assertDeclarations, fixtureDir } from '../detect/expectations';

/** Parses the first comment in `source` as if it sat at its offset in a file. */
function parseComment(source: string, options?: { flagTypes?: string[] }) {
  const start = source.indexOf('/*') >= 0 ? source.indexOf('/*') : source.indexOf('//');
  const end = source.startsWith('//', start) ? (source.indexOf('\n', start) + 1 || source.length + 1) - 1 : source.indexOf('*/', start) + 2;
  return parseFlagAnnotation(source.slice(start, end), start, '/x/a.ts', textLocator(source), options);
}

describe('keys: flag annotations', () => {
  it('detect-annotations: annotations on declarations and statements reach checks and declarations; problems are reported in place', async () => {
    const root = fixtureDir('detect-annotations');
    const result = await scanProject(loadConfig(root));
    assertChecks(root, result.checks, [
      { file: 'src/use.ts', line: 7, column: 17, key: 'promo-banner', kind: 'call', expires: '2027-03-01', owner: 'growth' },
      { file: 'src/use.ts', line: 8, column: 19, key: 'checkout-eu', kind: 'call', keyOrigin: 'import', expires: '2026-12-31', owner: 'team-payments' },
      { file: 'src/use.ts', line: 8, column: 51, key: 'old-banner', kind: 'call', owner: '@web-team' },
      { file: 'src/use.ts', line: 8, column: 82, key: 'kill-switch', kind: 'call', expires: 'never' },
    ]);
    assertDeclarations(root, result.declarations, [
      { file: 'src/flags.ts', name: 'CHECKOUT_EU', key: 'checkout-eu', line: 8, expires: '2026-12-31', owner: 'team-payments' },
      { file: 'src/flags.ts', name: 'OLD_BANNER', key: 'old-banner', line: 11, owner: '@web-team' },
      { file: 'src/flags.ts', name: 'Flags.KILL_SWITCH', key: 'kill-switch', line: 15, expires: 'never' },
    ]);
    assert.deepStrictEqual(
      result.annotations.map((a) => annotationSummary(root, a)),
      [
        {
          at: 'src/flags.ts:1:1',
          key: 'checkout-eu',
          expires: '2026-12-31',
          owner: 'team-payments',
          flagType: 'release',
          description: 'New checkout flow for EU customers.',
          problems: [],
        },
        {
          at: 'src/flags.ts:10:1',
          key: 'old-banner',
          expires: undefined,
          owner: '@web-team',
          flagType: undefined,
          description: undefined,
          problems: ['10:31-41 @expires @expires "2026-02-30" is not a calendar date'],
        },
        {
          at: 'src/flags.ts:14:3',
          key: 'kill-switch',
          expires: 'never',
          owner: undefined,
          flagType: 'ops',
          description: undefined,
          problems: ['14:36-41 @ownr unknown tag @ownr in a flag annotation (did you mean @owner?)'],
        },
        {
          at: 'src/flags.ts:20:1',
          key: 'orphan-flag',
          expires: undefined,
          owner: undefined,
          flagType: 'experiment',
          description: undefined,
          problems: ['20:32-41 @expires @expires "2027-1-15" is not a date: expected YYYY-MM-DD or never', '20:63-71 @expires @expires is given more than once'],
        },
        {
          at: 'src/use.ts:6:3',
          key: 'promo-banner',
          expires: '2027-03-01',
          owner: 'growth',
          flagType: undefined,
          description: undefined,
          problems: ['6:51-60 @flagType @flagType "experimnt" is not one of release, experiment, ops, permission'],
        },
      ],
    );
  });

  it('reads each tag with exact value positions in a multi-line JSDoc block', () => {
    const source = 'const a = 1;\n/**\n * Dark mode for the dashboard.\n * @flag dark-mode\n * @expires 2027-02-01\n * @owner Team UI <ui@example.com>\n */\n';
    const a = parseComment(source)!;
    assert.equal(a.key, 'dark-mode');
    assert.equal(a.expires, '2027-02-01');
    assert.equal(a.owner, 'Team UI <ui@example.com>');
    assert.equal(a.description, 'Dark mode for the dashboard.');
    assert.deepStrictEqual(a.problems, []);
    assert.deepStrictEqual([a.range.line, a.range.column, a.range.endLine, a.range.endColumn], [2, 1, 7, 4]);
  });

  it('reports a malformed date at the date itself and keeps the other tags', () => {
    const source = '/** @flag beta @expires 31/12/2026 @owner ops */';
    const a = parseComment(source)!;
    assert.equal(a.key, 'beta');
    assert.equal(a.owner, 'ops');
    assert.equal(a.expires, undefined);
    assert.equal(a.problems.length, 1);
    const p = a.problems[0];
    assert.equal(p.tag, '@expires');
    assert.equal(p.value, '31/12/2026');
    assert.equal(source.slice(p.range.start, p.range.end), '31/12/2026');
    assert.deepStrictEqual([p.range.line, p.range.column, p.range.endColumn], [1, 25, 35]);
  });

  it('reports unknown tags, empty values and unknown flag types; custom flag types can be allowed', () => {
    const a = parseComment('/**\n * @flag\n * @flagtype release\n * @expires\n */')!;
    assert.deepStrictEqual(
      a.problems.map((p) => `${p.range.line}:${p.range.column} ${p.message}`),
      ['2:4 @flag needs a value', '3:4 unknown tag @flagtype in a flag annotation (did you mean @flagType?)', '4:4 @expires needs a value'],
    );
    assert.equal(parseComment('/** @flag x @flagType kill-switch */', { flagTypes: ['kill-switch'] })!.flagType, 'kill-switch');
  });

  it('line comments work too; comments without flag tags are not annotations', () => {
    const a = parseComment('// @flag legacy-export @expires never\nconst x = 1;')!;
    assert.deepStrictEqual([a.key, a.expires], ['legacy-export', 'never']);
    assert.equal(parseComment('/** Returns the total. @param a the first @returns sum */'), undefined);
    assert.equal(parseComment('// just a comment'), undefined);
  });

  it('accepts only real calendar dates or never', () => {
    assert.equal(checkDate('2028-02-29'), undefined);
    assert.equal(checkDate('never'), undefined);
    assert.match(checkDate('2027-02-29')!, /not a calendar date/);
    assert.match(checkDate('2027-13-01')!, /not a calendar date/);
    assert.match(checkDate('tomorrow')!, /expected YYYY-MM-DD or never/);
  });
});
