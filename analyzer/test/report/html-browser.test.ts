import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { DebtReport } from '../../src/debt';
import { renderHtml } from '../../src/report';
import { FixtureRepo } from '../git/fixture-repo';
import { demoDebt, demoRepo } from './demo-repo';

const CHROMIUM = '/usr/bin/chromium';
const RESULTS = path.resolve(__dirname, '../../../test-results');

/** The HTML report in a real headless Chromium: charts drawn with the right counts, sorting, filtering, no errors. */
describe('HTML report in headless Chromium', function () {
  this.timeout(90_000);
  let repo: FixtureRepo;
  let debt: DebtReport;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const problems: string[] = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: scripts/setup/chromium.sh installs it`);
      console.warn(`\n  !!! SKIPPING the HTML browser test: ${CHROMIUM} is missing (run scripts/setup/chromium.sh)\n`);
      this.skip();
    }
    repo = demoRepo();
    ({ debt } = await demoDebt(repo.dir));
    const file = path.join(repo.dir, 'flag-report.html');
    fs.writeFileSync(file, renderHtml(debt, { repoUrl: 'https://github.com/acme/demo-shop' }));
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file://')) problems.push(`network request: ${r.url()}`);
    });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
  });

  after(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    repo?.remove();
  });

  it('draws one bar per status whose data and height follow the counts', async () => {
    const bars = await page.$$eval('#chart-status rect.bar', (rects) =>
      rects.map((r) => ({ label: r.getAttribute('data-label'), value: Number(r.getAttribute('data-value')), height: (r as SVGRectElement).getBBox().height })),
    );
    assert.deepEqual(
      bars.map((b) => [b.label, b.value]),
      Object.entries({ expired: 1, missing: 1, stale: 1, expiring: 1, unused: 1, active: 3 }),
    );
    assert.deepEqual(Object.fromEntries(bars.map((b) => [b.label, b.value])), { ...debt.summary.byStatus });
    const unit = bars[0].height;
    assert.ok(unit > 10, 'bars are visible');
    for (const b of bars) assert.ok(Math.abs(b.height - unit * b.value) < 0.5, `${b.label} height is proportional`);
  });

  it('draws the age histogram and debt by owner from the same figures', async () => {
    const ages = await page.$$eval('#chart-age rect.bar', (rects) => rects.map((r) => [r.getAttribute('data-label'), Number(r.getAttribute('data-value'))]));
    assert.deepEqual(ages, debt.summary.ageBuckets.map((b) => [b.label, b.flags]));
    assert.equal(ages.reduce((n, [, v]) => n + (v as number), 0), debt.flags.length);
    const owners = await page.$$eval('#chart-owners rect.bar', (rects) => rects.map((r) => [r.getAttribute('data-row'), r.getAttribute('data-label'), Number(r.getAttribute('data-value'))]));
    const expected = debt.summary.byOwner.flatMap((o) => Object.entries(o.byStatus).filter(([, n]) => n > 0).map(([s, n]) => [o.owner, s, n]));
    assert.deepEqual(
      [...owners].sort((a, b) => String(a).localeCompare(String(b))),
      [...expected].sort((a, b) => String(a).localeCompare(String(b))),
    );
  });

  it('sorts the flag table by a column and filters it by status', async () => {
    const keys = () => page.$$eval('#flag-table tbody tr:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-key')));
    assert.deepEqual(await keys(), debt.flags.map((f) => f.key));
    await page.click('#flag-table th:nth-child(5) button'); // Age, ascending: unknown last
    const byAge = [...debt.flags].filter((f) => f.ageDays !== undefined).sort((a, b) => a.ageDays! - b.ageDays!);
    const sorted = await keys();
    assert.deepEqual(sorted.slice(0, byAge.length).map((k) => debt.flags.find((f) => f.key === k)!.ageDays), byAge.map((f) => f.ageDays));
    assert.equal(await page.getAttribute('#flag-table th:nth-child(5)', 'aria-sort'), 'ascending');
    await page.click('#flag-table th:nth-child(5) button');
    assert.equal(await page.getAttribute('#flag-table th:nth-child(5)', 'aria-sort'), 'descending');
    await page.selectOption('#status-filter', 'expired');
    assert.deepEqual(await keys(), debt.flags.filter((f) => f.status === 'expired').map((f) => f.key));
    assert.equal(await page.textContent('#shown-count'), '1');
    await page.selectOption('#status-filter', '');
    await page.fill('#flag-filter', 'payments');
    assert.ok((await keys()).includes('legacy-payments'));
    await page.fill('#flag-filter', '');
  });

  it('renders with no console errors or network requests, and is saved as a screenshot', async () => {
    await page.click('#flag-table th:nth-child(2) button');
    fs.mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'report-html.png'), fullPage: true });
    assert.deepEqual(problems, []);
  });
});
