import * as assert from 'node:assert/strict';
import { asOfPhrase, expiryPhrase, todayFrom } from '../../src/mapping/dates';
import { stateInWords } from '../../src/mapping/state-words';
import { NOW, state } from './records';

describe('stateInWords', () => {
  it('says ON for everyone with the served value', () => {
    assert.equal(stateInWords(state(), { kind: 'value', value: true }), 'ON for everyone, serves `true`');
    assert.equal(stateInWords(state(), { kind: 'value', value: 'v2' }), 'ON for everyone, serves `"v2"`');
  });
  it('says OFF for a disabled flag', () => {
    assert.equal(stateInWords(state({ enabled: false }), { kind: 'code-default' }), 'OFF');
  });
  it('says "50% rollout" for an on/off split and lists variant splits', () => {
    const split = state({ hasTargeting: true, rollout: [{ variant: 'on', weight: 50 }, { variant: 'off', weight: 50 }] });
    assert.equal(stateInWords(split, { kind: 'none', reason: 'split' }), '50% rollout');
    const variants = state({ variants: { a: 'monthly', b: 'yearly' }, rollout: [{ variant: 'a', weight: 1 }, { variant: 'b', weight: 3 }] });
    assert.equal(stateInWords(variants, { kind: 'none', reason: 'split' }), 'split: `"monthly"` 25%, `"yearly"` 75%');
  });
  it('reads on/off buckets of sources without variant values, and rules before a split', () => {
    const unleash = state({ variants: {}, hasTargeting: true, ruleCount: 1, rollout: [{ variant: 'on', weight: 25 }, { variant: 'off', weight: 75 }] });
    assert.equal(stateInWords(unleash, { kind: 'none', reason: 'rollout' }), '25% rollout');
    assert.equal(stateInWords({ ...unleash, ruleCount: 3 }, { kind: 'none', reason: 'rollout' }), '3 targeting rules, then 25% rollout');
  });
  it('counts targeting rules', () => {
    assert.equal(stateInWords(state({ hasTargeting: true, ruleCount: 2 }), { kind: 'none', reason: 'rules' }), '2 targeting rules');
    assert.equal(stateInWords(state({ hasTargeting: true, ruleCount: 1 }), { kind: 'none', reason: 'rules' }), '1 targeting rule');
  });
  it('says a flag no source knows evaluates to the code default', () => {
    assert.equal(stateInWords(undefined, { kind: 'code-default' }), 'not defined in any flag source (evaluates to the code default)');
  });

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
