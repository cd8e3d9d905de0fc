import * as assert from 'node:assert/strict';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chooseFlags, flagdFor } = require('../e2e/real-app.js');

interface Usage {
  file: string;
  evaluates: string;
}
const flag = (key: string, files: string[], evaluates = 'boolean') => ({ key, usages: files.map((file): Usage => ({ file, evaluates })) });

// The `real` E2E scenario's choice of flags on a real app (test/e2e/real-app.js).
describe('real-app scenario: flags for the flag file', () => {
  it('removes the all-boolean flag read in the most files; the next two widest are switched off and serve false', () => {
    const flags = [flag('objects', ['a', 'b', 'c', 'd'], 'value'), flag('nav', ['a', 'b', 'c']), flag('vpc', ['a', 'a']), flag('beta', ['x', 'y']), flag('unused', [])];
    const chosen = chooseFlags(flags);
    assert.equal(chosen.target.key, 'nav');
    assert.equal(chosen.disabled.key, 'objects');
    assert.equal(chosen.servesFalse.key, 'beta');
    const flagd = flagdFor(chosen).flags;
    assert.deepEqual(Object.keys(flagd), ['nav', 'objects', 'beta']);
    assert.equal(flagd.nav.state, 'ENABLED');
    assert.equal(flagd.nav.defaultVariant, 'on');
    assert.equal(flagd.nav.metadata.expires, '2026-06-30');
    assert.equal(flagd.objects.state, 'DISABLED');
    assert.deepEqual([flagd.beta.state, flagd.beta.defaultVariant], ['ENABLED', 'off']);
  });

  it('takes the widest flag when none is read only as a boolean, and refuses an app without flag reads', () => {
    assert.equal(chooseFlags([flag('a', ['x'], 'value'), flag('b', ['x', 'y'], 'value')]).target.key, 'b');
    assert.throws(() => chooseFlags([flag('unused', [])]), /no flag read/);
  });
});
