import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanupFlag, loadConfig } from '@flagsweep/analyzer';

const REPO = path.resolve(__dirname, '../..');
const FIXTURE = path.join(REPO, 'test-fixtures/eslint-checkout-expired');
const PLUGIN_DIST = path.join(REPO, 'eslint-plugin/dist/index.js');
const ESLINT_BINS = {
  'ESLint 10': path.join(REPO, 'node_modules/eslint/bin/eslint.js'),
  'ESLint 9': path.join(REPO, 'node_modules/eslint9/bin/eslint.js'),
};

const EXPIRED_MESSAGE =
  "Flag 'new-checkout' expired on 2026-10-31 (22 days ago); owner: team-checkout. Remove it from the code: run `flagsweep cleanup new-checkout --value true`.";

interface Problem {
  file: string;
  ruleId: string | null;
  severity: number;
  line: number;
  column: number;
  message: string;
}

/** Runs the real ESLint CLI in `cwd` and returns its exit code and problems (from `--format json`). */
function runEslint(bin: string, cwd: string, now: string): { status: number | null; problems: Problem[]; stderr: string } {
  const run = spawnSync(process.execPath, [bin, '--format', 'json', '.'], {
    cwd,
    env: { ...process.env, FLAGSWEEP_NOW: now },
    encoding: 'utf8',
  });
  const results = JSON.parse(run.stdout || '[]') as { filePath: string; messages: Omit<Problem, 'file'>[] }[];
  const problems = results.flatMap((r) =>
    r.messages.map((m) => ({
      file: path.relative(cwd, r.filePath).split(path.sep).join('/'),
      ruleId: m.ruleId,
      severity: m.severity,
      line: m.line,
      column: m.column,
      message: m.message,
    })),
  );
  return { status: run.status, problems: problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line), stderr: run.stderr };
}

/** A copy of the fixture project whose eslint.config.mjs resolves `eslint-plugin-flagsweep` to the built plugin. */
function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-eslint-cli-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('the real eslint CLI over test-fixtures/eslint-checkout-expired (built plugin)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];

  before(() => {
    assert.ok(fs.existsSync(PLUGIN_DIST), 'eslint-plugin/dist is missing: build first (npx tsc -b)');
    const resolved = require.resolve('eslint-plugin-flagsweep', { paths: [REPO] });
    assert.equal(fs.realpathSync(resolved), fs.realpathSync(PLUGIN_DIST), 'the fixture config loads the built plugin');
  });
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  for (const [eslintName, bin] of Object.entries(ESLINT_BINS)) {
    describe(eslintName, () => {
      it('fails the build (exit 1) on the expired flag, naming flag, date, owner and the cleanup command', () => {
        const dir = copyFixture();
        dirs.push(dir);
        const { status, problems, stderr } = runEslint(bin, dir, '2026-11-22');
        assert.deepEqual(problems, [
          { file: 'src/checkout.ts', ruleId: 'flagsweep/no-expired-flag', severity: 2, line: 7, column: 7, message: EXPIRED_MESSAGE },
          { file: 'src/flags.ts', ruleId: 'flagsweep/no-expired-flag', severity: 2, line: 8, column: 14, message: EXPIRED_MESSAGE },
        ]);
        assert.equal(status, 1, stderr);
      });

      it('passes (exit 0) before the expiry date: FLAGSWEEP_NOW is honoured', () => {
        const dir = copyFixture();
        dirs.push(dir);
        const { status, problems, stderr } = runEslint(bin, dir, '2026-10-01');
        assert.deepEqual(problems, []);
        assert.equal(status, 0, stderr);
      });

      it('warns without failing (exit 0) when a flag is about to expire', () => {
        const dir = copyFixture();
        dirs.push(dir);
        const { status, problems, stderr } = runEslint(bin, dir, '2026-10-20');
        assert.deepEqual(problems, [
          {
            file: 'src/checkout.ts',
            ruleId: 'flagsweep/flag-expiring-soon',
            severity: 1,
            line: 7,
            column: 7,
            message: "Flag 'new-checkout' expires on 2026-10-31 (in 11 days); owner: team-checkout. Plan its removal: `flagsweep cleanup new-checkout --value true` once it has fully rolled out.",
          },
        ]);
        assert.equal(status, 0, stderr);
      });

      it('lints the JSX file with the default parser (flag file metadata expiry)', () => {
        const dir = copyFixture();
        dirs.push(dir);
        const { status, problems, stderr } = runEslint(bin, dir, '2027-01-05');
        const expired = (line: number, column: number, file: string) => ({
          file,
          ruleId: 'flagsweep/no-expired-flag',
          severity: 2,
          line,
          column,
          message: EXPIRED_MESSAGE.replace('22 days ago', '66 days ago'),
        });
        assert.deepEqual(problems, [
          {
            file: 'src/banner.jsx',
            ruleId: 'flagsweep/flag-expiring-soon',
            severity: 1,
            line: 6,
            column: 16,
            message: "Flag 'dark-mode' expires on 2027-01-15 (in 10 days); owner: team-web. Plan its removal: `flagsweep cleanup dark-mode --value false` once it has fully rolled out.",
          },
          expired(7, 7, 'src/checkout.ts'),
          expired(8, 14, 'src/flags.ts'),
        ]);
        assert.equal(status, 1, stderr);
      });

      it('passes (exit 0) once the cleanup engine has removed the flag', async () => {
        const dir = copyFixture();
        dirs.push(dir);
        const result = await cleanupFlag({ config: loadConfig(dir), key: 'new-checkout', value: true, scope: { kind: 'project' }, removeDefinition: true });
        assert.deepEqual(result.errors, []);
        assert.ok(result.files.some((f) => f.file.endsWith('/src/checkout.ts')), 'the cleanup rewrote the check');
        for (const f of result.files) fs.writeFileSync(f.file, f.after);
        const { status, problems, stderr } = runEslint(bin, dir, '2026-11-22');
        assert.deepEqual(problems, []);
        assert.equal(status, 0, stderr);
      });
    });
  }
});
