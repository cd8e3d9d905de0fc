import * as assert from 'node:assert/strict';
import { asOfPhrase, expiryPhrase, todayFrom } from '../../src/mapping/dates';
import { stateInWords } from '../../src/mapping/state-words';
import { NOW, state } from './records';

describe('stateInWords', () => {
  // One table: defined? archived? enabled? × what is served × targeting.
  const table: [string, Parameters<typeof stateInWords>[0], Parameters<typeof stateInWords>[1], string][] = [
    ['not defined', undefined, { kind: 'code-default' }, 'not defined in any flag source: every check gets its code default'],
    ['archived', state({ archived: true }), { kind: 'code-default' }, 'archived: every check gets its code default'],
    ['disabled', state({ enabled: false }), { kind: 'code-default' }, 'OFF: serves the code default'],
    ['disabled, with targeting', state({ enabled: false, hasTargeting: true, ruleCount: 2 }), { kind: 'code-default' }, 'OFF: serves the code default'],
    ['enabled, serves true', state(), { kind: 'value', value: true }, 'ON for everyone'],
    ['enabled, serves false', state({ servedValue: false }), { kind: 'value', value: false }, 'serves `false` to everyone'],
    ['enabled, serves a string', state(), { kind: 'value', value: 'v2' }, 'serves `"v2"` to everyone'],
    ['enabled, serves an object', state(), { kind: 'value', value: { limit: 3 } }, 'serves `{"limit":3}` to everyone'],
    ['enabled, no default variant', state({ defaultVariant: undefined }), { kind: 'code-default' }, 'ON, but serves the code default (no default variant)'],
    ['enabled, rules', state({ hasTargeting: true, ruleCount: 2 }), { kind: 'none', reason: 'rules' }, '2 targeting rules'],
    ['enabled, one rule', state({ hasTargeting: true, ruleCount: 1 }), { kind: 'none', reason: 'rules' }, '1 targeting rule'],
    ['enabled, rules of unknown count', state({ hasTargeting: true }), { kind: 'none', reason: 'rules' }, 'targeting rules decide'],
    ['enabled, on/off rollout', state({ hasTargeting: true, rollout: [{ variant: 'on', weight: 50 }, { variant: 'off', weight: 50 }] }), { kind: 'none', reason: 'split' }, '50% rollout'],
    ['enabled, variant split', state({ variants: { a: 'monthly', b: 'yearly' }, rollout: [{ variant: 'a', weight: 1 }, { variant: 'b', weight: 3 }] }), { kind: 'none', reason: 'split' }, 'split: `"monthly"` 25%, `"yearly"` 75%'],
    ['enabled, Unleash buckets', state({ variants: {}, hasTargeting: true, ruleCount: 1, rollout: [{ variant: 'on', weight: 25 }, { variant: 'off', weight: 75 }] }), { kind: 'none', reason: 'rollout' }, '25% rollout'],
    ['enabled, rules then rollout', state({ variants: {}, hasTargeting: true, ruleCount: 3, rollout: [{ variant: 'on', weight: 25 }, { variant: 'off', weight: 75 }] }), { kind: 'none', reason: 'rollout' }, '3 targeting rules, then 25% rollout'],
  ];
  for (const [name, st, winner, words] of table) {
    it(name, () => assert.equal(stateInWords(st, winner), words));
  }
});

describe('relative dates', () => {
  it('phrases expiry relative to today', () => {
    assert.equal(expiryPhrase('2026-12-04', NOW), 'expires in 12 days');
    assert.equal(expiryPhrase('2026-11-19', NOW), 'expired 3 days ago');
    assert.equal(expiryPhrase('2026-11-22', NOW), 'expires today');
    assert.equal(expiryPhrase('2026-11-21', NOW), 'expired yesterday');
    assert.equal(expiryPhrase('never', NOW), 'never expires');
    assert.equal(expiryPhrase('2026-02-30', NOW), undefined);
  });
  it('fixes today from FLAGSWEEP_NOW, else the clock', () => {
    assert.equal(todayFrom('2026-11-22').toISOString(), '2026-11-22T00:00:00.000Z');
    assert.equal(todayFrom(undefined, () => new Date('2027-01-02T23:59:00Z')).toISOString(), '2027-01-02T00:00:00.000Z');
  });
  it('writes as-of times in UTC', () => {
    assert.equal(asOfPhrase('2026-11-21T09:14:05Z'), 'as of 2026-11-21 09:14 UTC');
    assert.equal(asOfPhrase('not a date'), undefined);
  });
});
