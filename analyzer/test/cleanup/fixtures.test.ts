import * as assert from 'node:assert/strict';
import { cleanupFlag, applyEdits } from '../../src/cleanup';
import { parseSource, syntaxErrors } from '../../src/cleanup/parse';
import { loadFixtureCases, type FixtureCase } from './fixtures';

/** Runs cleanup on one in-memory version of the case's input file. */
async function run(c: FixtureCase, text: string, key = c.key) {
  return cleanupFlag({
    config: c.config,
    key,
    value: c.value,
    scope: { kind: 'file', file: c.inputFile },
    readFile: (f) => (f === c.inputFile ? text : undefined),
  });
}

describe('cleanup fixtures (test-fixtures/cleanup/<case>)', () => {
  for (const c of loadFixtureCases()) {
    describe(c.name, () => {
      it('produces output from input', async () => {
        const result = await run(c, c.input);
        assert.deepEqual(result.errors, []);
        const after = result.files[0]?.after ?? c.input;
        assert.equal(after, c.output);
        if (result.files[0]) assert.equal(applyEdits(c.input, result.files[0].edits), c.output, 'edits reproduce the output');
        assert.equal(result.leftForHuman.length, c.left, `left for human: ${JSON.stringify(result.leftForHuman)}`);
      });
      it('output re-parses, and a second run changes nothing', async () => {
        assert.deepEqual(syntaxErrors(parseSource(c.inputFile, c.output)).map((d) => d.messageText), []);
        const again = await run(c, c.output);
        assert.deepEqual(again.errors, []);
        assert.deepEqual(again.files, []);
      });
      it('cleaning another flag leaves the file byte-identical', async () => {
        const other = await run(c, c.input, 'flag-that-is-not-here');
        assert.deepEqual(other.files, []);
      });
    });
  }
});
