import * as assert from 'node:assert/strict';
import { parseFlagdDocument } from '../../src/sources';

const flagFile = (metadata: object, fileMetadata?: object) =>
  JSON.stringify({
    ...(fileMetadata ? { metadata: fileMetadata } : {}),
    flags: { 'new-nav': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on', metadata } },
  });

describe('flagd metadata fields flagsweep does not read get a hint instead of being dropped silently', () => {
  it('names a near miss of a field it reads, and still loads the flag and the fields it knows', () => {
    const { states, diagnostics } = parseFlagdDocument(flagFile({ owner: 'web', lastModified: '2026-10-01', Expires: '2027-01-01' }), 'flags.flagd.json');
    assert.equal(states[0].owner, 'web');
    assert.deepEqual(
      diagnostics.map((d) => `${d.severity} ${d.message}`),
      [
        'warning $.flags["new-nav"].metadata.lastModified: unknown metadata field; did you mean "updatedAt"?; ignored',
        'warning $.flags["new-nav"].metadata.Expires: unknown metadata field; did you mean "expires"?; ignored',
      ],
    );
  });

  it('lists the fields it reads for anything else, and keeps quiet about flagd\'s own flag-set fields', () => {
    const { diagnostics } = parseFlagdDocument(flagFile({ jira: 'SHOP-12' }, { flagSetId: 'shop', version: '3' }), 'flags.flagd.json');
    assert.deepEqual(diagnostics.map((d) => d.message), [
      '$.flags["new-nav"].metadata.jira: unknown metadata field (flagsweep reads owner, expires, flagType, description, createdAt, constantSince, updatedAt, tags); ignored',
    ]);
  });
});
