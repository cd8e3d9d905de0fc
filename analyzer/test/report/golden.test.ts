import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withDebt } from '../../src/debt';
import { renderCsv, renderHtml, renderMarkdown, renderSarif } from '../../src/report';
import { toJsonReport } from '../../src/report/json';
import { formatText } from '../../src/report/text';
import { renderDebtText } from '../../src/debt';
import { FixtureRepo } from '../git/fixture-repo';
import { demoDebt, demoRepo } from './demo-repo';
import { sarifValidator } from './sarif-validator';

/**
 * Golden files for every reporter over the demo app in a real git repository with a fixed history and today.
 * Machine-specific parts (the temp folder, HEAD's commit id) are replaced by placeholders before comparing.
 * Regenerate with UPDATE_GOLDEN=1 after an intended change, and review the diff.
 */
const GOLDEN = path.resolve(__dirname, '../../../test-fixtures/reports-demo');
const REPO_URL = 'https://github.com/acme/demo-shop';

describe('reporters over the demo app (golden files)', function () {
  this.timeout(60_000);
  let repo: FixtureRepo;
  let outputs: Record<string, string>;

  before(async () => {
    repo = demoRepo();
    const { result, debt } = await demoDebt(repo.dir);
    const head = debt.git.head ?? '<no head>';
    const normalize = (text: string) => text.split(repo.dir).join('<root>').split(head).join('<head>');
    outputs = Object.fromEntries(
      Object.entries({
        'report.md': renderMarkdown(debt, { repoUrl: REPO_URL }),
        'report.html': renderHtml(debt, { repoUrl: REPO_URL }),
        'report.sarif': renderSarif(debt, { repoUrl: REPO_URL }),
        'report.csv': renderCsv(debt),
        'report.json': JSON.stringify(withDebt(toJsonReport(result), debt), null, 2) + '\n',
        'report.txt': formatText(result, { color: false }) + renderDebtText(debt),
      }).map(([name, text]) => [name, normalize(text)]),
    );
  });
  after(() => repo.remove());

  for (const name of ['report.md', 'report.html', 'report.sarif', 'report.csv', 'report.json', 'report.txt']) {
    it(`${name} matches the golden file`, () => {
      const file = path.join(GOLDEN, name);
      if (process.env.UPDATE_GOLDEN === '1') {
        fs.mkdirSync(GOLDEN, { recursive: true });
        fs.writeFileSync(file, outputs[name]);
      }
      assert.ok(fs.existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to create it`);
      assert.equal(outputs[name], fs.readFileSync(file, 'utf8'));
    });
  }

  it('the SARIF golden is valid against the SARIF 2.1.0 schema', () => {
    assert.deepEqual(sarifValidator()(JSON.parse(outputs['report.sarif'])), []);
  });
});
