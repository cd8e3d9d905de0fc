import * as assert from 'node:assert/strict';
import { recordToHover } from '../../src/mapping/hover';
import { NOW, record, state } from './records';

const ctx = { now: NOW, folder: '/ws', restricted: false };

describe('recordToHover', () => {
  it('renders the target moment: state in words, expiry, owner, status, source, usages and a keep-ON cleanup link', () => {
    const h = recordToHover(record(), ctx);
    assert.match(h.markdown, /^\*\*flag\*\* `new-checkout` — One\\-page checkout with saved cards/);
    assert.match(h.markdown, /ON for everyone · expired 3 days ago · owner payments/);
    assert.match(h.markdown, /\*\*expired\*\*: expired on 2026\\-11\\-19 \\\(3 days ago\\\)/);
    assert.match(h.markdown, /source flags\.flagd\.json · 2 usages in 2 files/);
    assert.match(h.markdown, /\[Remove flag \\\(keep ON\\\)\]\(command:flagsweep\.cleanupFlag\?/);
    assert.equal(h.summary, 'new-checkout · ON for everyone · expired 3 days ago · owner payments');
    assert.deepEqual(h.commands.sort(), ['flagsweep.cleanupFlag', 'flagsweep.refresh', 'flagsweep.showUsages']);
  });

  it('says how long the flag has served one value when the source knows it ("ON for everyone since 41 days")', () => {
    const h = recordToHover(record({ state: state({ constantSince: '2026-10-12' }) }), ctx);
    assert.match(h.markdown, /ON for everyone for 41 days · expired 3 days ago · owner payments/);
    const split = recordToHover(record({ state: state({ constantSince: '2026-10-12' }), winner: { kind: 'none', reason: '50% rollout' } }), ctx);
    assert.ok(!split.markdown.includes('for 41 days'), 'a split serves no single value, so it has no "for N days"');
  });

  it('passes the key, folder and winning value to the cleanup command', () => {
    const h = recordToHover(record(), ctx);
    const link = /command:flagsweep\.cleanupFlag\?([^ )]+)/.exec(h.markdown);
    assert.ok(link);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [{ key: 'new-checkout', folder: '/ws', value: true }]);
  });

  it('escapes text from the flag service so it cannot inject links or commands', () => {
    const h = recordToHover(record({ description: 'hi [x](command:workbench.action.terminal.new) <img src=x>', owner: '*team*' }), ctx);
    assert.ok(!h.markdown.includes('](command:workbench'), h.markdown);
    assert.ok(!/(^|[^\\])<img/.test(h.markdown), 'HTML is escaped');
    assert.ok(h.markdown.includes('\\<img'), h.markdown);
    assert.match(h.markdown, /owner \\\*team\\\*/);
  });

  it('marks cached state with its as-of time and unreachable services', () => {
    const h = recordToHover(record({ state: state({ fromCache: true, asOf: '2026-11-21T09:14:00Z', source: 'unleash:production' }) }), { ...ctx, unreachable: true });
    assert.match(h.markdown, /source Unleash, environment production · cached as of 2026\\?-11\\?-21 09:14 UTC \(service unreachable\)|cached as of 2026-11-21 09:14 UTC \(service unreachable\)/);
  });

  it('links the dashboard for remote flags, but not in Restricted Mode', () => {
    const remote = record({ state: state({ dashboardUrl: 'https://unleash.example/projects/default/features/new-checkout' }) });
    assert.ok(recordToHover(remote, ctx).commands.includes('flagsweep.openDashboard'));
    assert.ok(!recordToHover(remote, { ...ctx, restricted: true }).commands.includes('flagsweep.openDashboard'));
  });

  it('offers keep ON / keep OFF as an explicit choice when targeting decides', () => {
    const h = recordToHover(
      record({ status: 'active', expires: '2026-12-04', state: state({ hasTargeting: true, ruleCount: 2, winner: { kind: 'none', reason: 'targeting rules' } }) }),
      ctx,
    );
    assert.match(h.markdown, /2 targeting rules · expires in 12 days/);
    assert.match(h.markdown, /Remove flag, choose: \[keep ON\]\(command:.*\) \/ \[keep OFF\]\(command:/);
    assert.ok(!h.markdown.includes('Remove flag \\(keep'), 'no preferred cleanup without a winner');
  });

  it('never assumes ON for a missing flag: the code default is offered, ON/OFF only as a choice', () => {
    const missing = record({ status: 'missing', state: undefined, expires: undefined, reason: 'read in 1 place but not defined', usages: [record().usages[0]] });
    missing.usages[0] = { ...missing.usages[0], defaultValue: false };
    const h = recordToHover(missing, ctx);
    assert.match(h.markdown, /not defined in any flag source: every check gets its code default/);
    assert.match(h.markdown, /Remove flag \\\(keep OFF, the code default\\\)/);
    assert.match(h.markdown, /choose: \[keep ON\]/);
  });
});
