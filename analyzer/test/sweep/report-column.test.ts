import { strict as assert } from 'node:assert';
import type { FixtureRepo } from '../git/fixture-repo';
import { TODAY, sweepCli, sweepRepo } from './sweep-repo';

/** The table row of one flag in the Markdown report. */
function markdownRow(markdown: string, key: string): string {
  const row = markdown.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
  assert.ok(row, `no row for ${key}`);
  return row;
}

describe('flagsweep report: the sweep branch of each flag (markdown, html)', function () {
  this.timeout(300_000);
  let repo: FixtureRepo;
  const report = (format: string, extra: string[] = []) => {
    const run = sweepCli(['report', '--now', TODAY, '--removable', 'none', '--format', format, ...extra], repo.dir);
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };

  before(() => {
    repo = sweepRepo();
    const run = sweepCli(['sweep', '--now', TODAY], repo.dir);
    assert.equal(run.status, 1, run.stderr);
  });
  after(() => repo.remove());

  it('shows the branch and "up to date" for swept flags, "none" for the others', () => {
    const md = report('markdown');
    assert.match(md, /\| Usages \| Sweep branch \| Why \|/);
    assert.match(markdownRow(md, 'old-checkout'), /\| `flagsweep\/remove-old-checkout` \(up to date\) \|/);
    assert.match(markdownRow(md, 'fuzzy-search'), /\| `flagsweep\/remove-fuzzy-search` \(up to date\) \|/);
    assert.match(markdownRow(md, 'turbo-mode'), /\| none \|/);
    const html = report('html', ['--repo-url', 'https://github.com/acme/shop']);
    assert.match(html, /<th scope="col" aria-sort="none"><button type="button">Sweep branch<\/button><\/th>/);
    assert.match(
      html,
      /<td data-sort="up-to-date" data-sweep-state="up-to-date"><a href="https:\/\/github\.com\/acme\/shop\/tree\/flagsweep\/remove-old-checkout" rel="noreferrer"><code>flagsweep\/remove-old-checkout<\/code><\/a><br><span class="reason">up to date<\/span><\/td>/,
    );
  });

  it('says when a branch is behind HEAD or was edited by a person', () => {
    repo.write({ 'README.md': '# shop\n' });
    repo.commitAll('readme', '2026-11-20');
    const tip = repo.git('rev-parse', 'flagsweep/remove-fuzzy-search').trim();
    const fixup = repo.git('commit-tree', '-p', tip, '-m', 'review fix', `${tip}^{tree}`).trim();
    repo.git('update-ref', 'refs/heads/flagsweep/remove-fuzzy-search', fixup);
    const md = report('markdown');
    assert.match(markdownRow(md, 'old-checkout'), /\(behind HEAD: the next sweep rebuilds it\)/);
    assert.match(markdownRow(md, 'fuzzy-search'), /\(edited by a person\)/);
  });

  it('without git (--no-git) and in other formats there is no sweep column', () => {
    assert.doesNotMatch(report('markdown', ['--no-git']), /Sweep branch/);
    assert.doesNotMatch(report('csv'), /sweep/i);
  });
});
