import * as path from 'node:path';
import { analyze, type AnalysisResult } from '../../src/analyze';
import { cleanupDryRunLines, collectDebt, type DebtReport } from '../../src/debt';
import { parseToday } from '../../src/lifecycle/dates';
import { TOOL_VERSION } from '../../src/report/json';
import { FixtureRepo } from '../git/fixture-repo';

export const DEMO_APP = path.resolve(__dirname, '../../../test-fixtures/demo-app');
export const TODAY = '2026-11-22';

/**
 * The demo app in a real git repository whose history spreads the flags over a year, so ages are exact:
 * the server code lands first, then the web front end, then the shared modules.
 */
export function demoRepo(): FixtureRepo {
  const repo = new FixtureRepo('flagsweep-demo-');
  repo.copyFrom(DEMO_APP);
  repo.git('add', '--', 'src/server');
  repo.commitStaged('server flags', '2025-10-15');
  repo.git('add', '--', 'src/web');
  repo.commitStaged('web front end', '2026-05-20');
  repo.commitAll('shared flag modules and config', '2026-09-01');
  return repo;
}

export async function demoDebt(dir: string, opts: { git?: boolean; since?: string } = {}): Promise<{ result: AnalysisResult; debt: DebtReport }> {
  const result = await analyze({ paths: [dir], cwd: dir, now: parseToday(TODAY), env: {}, offline: true });
  const debt = await collectDebt({
    records: result.records,
    dynamic: result.dynamic,
    root: result.config.root,
    today: TODAY,
    git: opts.git ?? true,
    since: opts.since,
    removableLines: cleanupDryRunLines(result.config),
    diagnostics: result.diagnostics,
    tool: { name: 'flagsweep', version: TOOL_VERSION },
  });
  return { result, debt };
}
