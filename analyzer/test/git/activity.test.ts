import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectGitActivity, parsePorcelain, type UsageLines } from '../../src/git';
import { FixtureRepo } from './fixture-repo';

describe('git activity (real repository)', () => {
  let repo: FixtureRepo;

  before(() => {
    repo = new FixtureRepo();
    repo.write({
      'src/checkout.ts': ["import { client } from './client';", "export const v2 = client.getBooleanValue('checkout-v2', false);", ''].join('\n'),
      'src/nav.ts': ["export const nav = client.getBooleanValue('new-nav', false);", ''].join('\n'),
    });
    repo.commitAll('first flags', '2026-01-10');
    repo.write({
      'src/nav.ts': [
        "export const nav = client.getBooleanValue('new-nav', false);",
        "export const navAgain = client.getBooleanValue('checkout-v2', false);",
        '',
      ].join('\n'),
    });
    repo.commitAll('use checkout-v2 in nav', '2026-06-01');
    // An uncommitted edit: counts as touched today.
    repo.write({ 'src/dark.ts': "export const dark = client.getBooleanValue('dark-mode', false);\n" });
  });
  after(() => repo.remove());

  const usages = (): UsageLines[] => [
    { key: 'checkout-v2', file: `${repo.dir}/src/checkout.ts`, lines: [2] },
    { key: 'checkout-v2', file: `${repo.dir}/src/nav.ts`, lines: [2] },
    { key: 'new-nav', file: `${repo.dir}/src/nav.ts`, lines: [1] },
    { key: 'dark-mode', file: `${repo.dir}/src/dark.ts`, lines: [1] },
  ];

  it('takes the earliest and latest author dates of the usage lines per key', async () => {
    const activity = await collectGitActivity(usages(), { cwd: repo.dir, today: '2026-11-22' });
    assert.deepEqual(activity.notes, []);
    assert.equal(activity.repoRoot, repo.dir);
    assert.match(activity.head ?? '', /^[0-9a-f]{40}$/);
    assert.deepEqual(activity.byKey.get('checkout-v2'), { firstSeen: '2026-01-10', lastTouched: '2026-06-01', uncommitted: false });
    assert.deepEqual(activity.byKey.get('new-nav'), { firstSeen: '2026-01-10', lastTouched: '2026-01-10', uncommitted: false });
    assert.deepEqual(activity.byKey.get('dark-mode'), { firstSeen: '2026-11-22', lastTouched: '2026-11-22', uncommitted: true });
  });

  it('runs one blame per file with usages, not one per key', async () => {
    const activity = await collectGitActivity(usages(), { cwd: repo.dir, today: '2026-11-22' });
    // 2 to find the repository and HEAD, then 3 files.
    assert.equal(activity.invocations, 5);
  });

  it('blames a file with many keys in one invocation, paths with spaces included', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => `export const f${i} = client.getBooleanValue('key-${i}', false);`);
    repo.write({ 'src/many flags.ts': lines.join('\n') + '\n' });
    repo.git('add', '--', 'src/many flags.ts');
    repo.commitStaged('many flags', '2026-03-03');
    const many = lines.map((_, i) => ({ key: `key-${i}`, file: `${repo.dir}/src/many flags.ts`, lines: [i + 1] }));
    const activity = await collectGitActivity(many, { cwd: `${repo.dir}/src`, today: '2026-11-22' });
    assert.equal(activity.invocations, 3);
    assert.equal(activity.byKey.size, 20);
    assert.deepEqual(activity.byKey.get('key-19'), { firstSeen: '2026-03-03', lastTouched: '2026-03-03', uncommitted: false });
  });

  it('outside a git repository returns a note and no data instead of failing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-nogit-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "flag('x')\n");
      const activity = await collectGitActivity([{ key: 'x', file: `${dir}/a.ts`, lines: [1] }], { cwd: dir, today: '2026-11-22' });
      assert.equal(activity.byKey.size, 0);
      assert.equal(activity.repoRoot, undefined);
      assert.equal(activity.notes.length, 1);
      assert.match(activity.notes[0], /not inside a git repository/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parsePorcelain', () => {
  it('joins commit details printed once with every line of that commit', () => {
    const a = 'a'.repeat(40);
    const output = [
      `${a} 1 3 2`,
      'author Someone',
      'author-time 1768046400',
      'filename src/x.ts',
      '\tline three',
      `${a} 2 4`,
      'filename src/x.ts',
      '\tline four',
      `${'0'.repeat(40)} 5 5 1`,
      'author Not Committed Yet',
      'author-time 1790000000',
      '\tline five',
      '',
    ].join('\n');
    const parsed = parsePorcelain(output);
    assert.deepEqual(parsed.get(3), { commit: a, authorTime: 1768046400 });
    assert.deepEqual(parsed.get(4), { commit: a, authorTime: 1768046400 });
    assert.deepEqual(parsed.get(5), { commit: '0'.repeat(40) });
  });
});
