import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { editDistance, nearestKey } from '../../src/text';

/** The whole table, as the definition reads: what the three-row version must equal. */
function fullTable(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('editDistance', () => {
  const table: Array<[string, string, number]> = [
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['mode', 'mode', 0],
    ['mdoe', 'mode', 1],
    ['dark-mode', 'dark_mode', 1],
    ['new-checkout', 'new-chekout', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ];
  for (const [a, b, expected] of table) it(`${JSON.stringify(a)} → ${JSON.stringify(b)} is ${expected}`, () => assert.equal(editDistance(a, b), expected));

  it('equals the full-table definition on generated strings', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 9 });
    fc.assert(fc.property(text, text, (a, b) => editDistance(a, b) === fullTable(a, b)), { numRuns: 2000 });
  });
});

describe('nearestKey', () => {
  it('suggests the closest known key within a third of the length, case-insensitively', () => {
    assert.equal(nearestKey('new-chekout', ['new-checkout', 'dark-mode']), 'new-checkout');
    assert.equal(nearestKey('DARK-MODE', ['dark-mode']), 'dark-mode');
    assert.equal(nearestKey('payments', ['dark-mode']), undefined);
  });
  it('breaks ties alphabetically', () => assert.equal(nearestKey('ab', ['ba', 'aa']), 'aa'));
});
