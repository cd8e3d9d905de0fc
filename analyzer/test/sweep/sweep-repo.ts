import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI } from '../cli/helpers';
import { FixtureRepo } from '../git/fixture-repo';

export const TODAY = '2026-11-22';

/** A git environment free of the developer's global config (hooks, signing, identity). */
export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...extra };
}

/** Runs the built CLI in `cwd`; returns status, stdout and stderr. */
export function sweepCli(args: string[], cwd: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx tsc -b" at the repo root first`);
  try {
    const stdout = execFileSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: gitEnv(env), stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number | null; stdout: string; stderr: string };
    return { status: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

const FLAGD = {
  flags: {
    'old-checkout': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'on',
      metadata: { owner: 'payments', description: 'One-page checkout', expires: '2026-10-01', flagType: 'release' },
    },
    'fuzzy-search': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'on',
      metadata: { owner: 'search', expires: '2027-06-01', constantSince: '2026-08-01' },
    },
    'turbo-mode': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'on',
      metadata: { owner: 'payments', expires: '2026-09-01' },
    },
    'dark-mode': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
      targeting: { fractional: [['on', 50], ['off', 50]] },
      metadata: { owner: 'web', expires: '2027-03-01' },
    },
  },
};

/**
 * A repository with flags in every interesting state: `old-checkout` expired (owner payments, mapped to a team),
 * `fuzzy-search` stale (its folder owned through CODEOWNERS), `turbo-mode` expired but its removal breaks the type
 * check of an importer, `dark-mode` active. The flag file is tracked. History spreads over a year so ages differ.
 */
export function sweepRepo(): FixtureRepo {
  const repo = new FixtureRepo('flagsweep-sweeprepo-');
  repo.write({
    'flagsweep.config.json': JSON.stringify(
      {
        include: ['src/**/*.ts'],
        patterns: [{ call: 'isFeatureOn', key: 0 }],
        source: { type: 'flagd', path: 'flags.flagd.json' },
        owners: { payments: '@acme/payments' },
      },
      null,
      2,
    ),
    'flags.flagd.json': JSON.stringify(FLAGD, null, 2) + '\n',
    'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, noEmit: true }, include: ['src'] }, null, 2),
    '.github/CODEOWNERS': '# owners\n/src/search/ @acme/search @dana\n',
    'src/lib/feature.ts': 'export function isFeatureOn(key: string): boolean {\n  return key.length > 0;\n}\n',
    'src/checkout.ts': [
      "import { isFeatureOn } from './lib/feature';",
      '',
      'export function checkoutSteps(): string[] {',
      "  if (isFeatureOn('old-checkout')) {",
      "    return ['cart', 'pay'];",
      '  }',
      "  return ['cart', 'address', 'shipping', 'pay'];",
      '}',
      '',
    ].join('\n'),
  });
  repo.commitAll('checkout', '2025-11-01');
  repo.write({
    'src/search/search.ts': [
      "import { isFeatureOn } from '../lib/feature';",
      '',
      'export function search(q: string): string[] {',
      "  const fuzzy = isFeatureOn('fuzzy-search');",
      '  return fuzzy ? [`~${q}`] : [q];',
      '}',
      '',
    ].join('\n'),
    'src/theme.ts': "import { isFeatureOn } from './lib/feature';\n\nexport const theme = isFeatureOn('dark-mode') ? 'dark' : 'light';\n",
  });
  repo.commitAll('search and theme', '2026-03-01');
  repo.write({
    'src/turbo.ts': "import { isFeatureOn } from './lib/feature';\n\nexport const speed = isFeatureOn('turbo-mode') ? 'fast' : 'slow';\n",
    'src/speed-label.ts': "import { speed } from './turbo';\n\nexport const isSlow = speed === 'slow';\n",
  });
  repo.commitAll('turbo mode', '2026-06-01');
  return repo;
}

/** A bare repository beside the fixture, added as `origin` with main pushed. */
export function addBareRemote(repo: FixtureRepo): string {
  const bare = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-remote-')));
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare], { env: gitEnv() });
  repo.git('remote', 'add', 'origin', bare);
  repo.git('push', '-q', 'origin', 'main');
  return bare;
}

/** Everything about a checkout that sweep must leave alone: HEAD, refs, index, status and every file's bytes. */
export function snapshotCheckout(repo: FixtureRepo): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(repo.dir, full)] = fs.readFileSync(full, 'base64');
    }
  };
  walk(repo.dir);
  return {
    head: repo.git('symbolic-ref', 'HEAD') + repo.git('rev-parse', 'HEAD'),
    index: repo.git('ls-files', '--stage'),
    staged: repo.git('diff', '--cached'),
    unstaged: repo.git('diff'),
    status: repo.git('status', '--porcelain=v1', '--untracked-files=all'),
    worktrees: repo.git('worktree', 'list', '--porcelain'),
    files: JSON.stringify(files),
  };
}

export function refs(repo: FixtureRepo): string {
  return repo.git('for-each-ref', '--format=%(refname) %(objectname)');
}
