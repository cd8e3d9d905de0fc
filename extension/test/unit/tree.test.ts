import * as assert from 'node:assert/strict';
import { statusBarText } from '../../src/mapping/status-bar';
import { flagItem, groupItem, groupRecords, usageItem } from '../../src/mapping/tree';
import { NOW, check, record, state } from './records';

describe('flags view items', () => {
  it('groups flags by status, most urgent first, without empty groups', () => {
    const groups = groupRecords([record({ key: 'a', status: 'active' }), record({ key: 'b' }), record({ key: 'c', status: 'stale' })]);
    assert.deepEqual(groups.map((g) => [g.status, g.records.map((r) => r.key)]), [['expired', ['b']], ['stale', ['c']], ['active', ['a']]]);
    assert.deepEqual(groupItem('expired', 1), { id: 'group::expired', label: 'Expired', description: '1', icon: 'error', collapsed: 'expanded', contextValue: 'group' });
  });

  it('describes a flag with its state, expiry and owner, and marks dashboard-capable flags for the context menu', () => {
    const item = flagItem(record(), NOW, '/ws');
    assert.equal(item.label, 'new-checkout');
    assert.equal(item.description, 'ON for everyone · expired 3 days ago · owner payments');
    assert.equal(item.contextValue, 'flag');
    assert.equal(item.collapsed, 'collapsed');
    assert.equal(flagItem(record({ state: state({ dashboardUrl: 'https://x' }) }), NOW).contextValue, 'flag:dashboard');
  });

  it('makes usages open their location', () => {
    const item = usageItem(check(), (f) => f.replace('/ws/', ''));
    assert.equal(item.label, 'src/checkout.tsx:5');
    assert.deepEqual(item.open, { file: '/ws/src/checkout.tsx', line: 4, character: 19 });
  });

  it('counts expired and stale flags for the status bar', () => {
    const bar = statusBarText([record(), record({ key: 'b', status: 'stale' }), record({ key: 'c', status: 'active' })]);
    assert.equal(bar.text, '$(flag) 1 expired · 1 stale');
    assert.equal(bar.hidden, false);
    assert.equal(statusBarText([record({ status: 'active' })]).text, '$(flag) flags OK');
  });
});
