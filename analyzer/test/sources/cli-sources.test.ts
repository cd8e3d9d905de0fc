import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { CLI, FIXTURES, type CliRun } from '../cli/helpers';
import { startLdContractServer, type LdContractServer } from './ld-contract-server';

/** Runs the built CLI without blocking this process, which serves the fake LaunchDarkly. */
function runCli(args: string[], options: { env?: Record<string, string> } = {}): Promise<CliRun> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx tsc -b" at the repo root first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('flagsweep sources (CLI)', () => {
  let server: LdContractServer;
  let root: string;
  const writeConfig = (config: object) => fs.writeFileSync(path.join(root, 'flagsweep.config.json'), JSON.stringify(config));

  beforeEach(async () => {
    server = await startLdContractServer();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-cli-sources-'));
    fs.copyFileSync(path.join(FIXTURES, 'sources-merge-file-and-service', 'flags.flagd.json'), path.join(root, 'flags.flagd.json'));
    writeConfig({ source: [{ type: 'flagd' }, { type: 'launchdarkly', baseUrl: server.baseUrl, retries: 0 }] });
  });
  afterEach(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('lists a healthy flag file and exits 0 (sources-flagd-basic)', async () => {
    const run = await runCli(['sources', path.join(FIXTURES, 'sources-flagd-basic')]);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, 'flagd:flags.flagd.json  ok       3 flags\n');
    assert.equal(run.status, 0);
  });

  it('lists the file and a live service as JSON, exit 0', async () => {
    const run = await runCli(['sources', root, '--format', 'json'], { env: { LD_API_TOKEN: server.token } });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      version: 1,
      sources: [
        { id: 'flagd:flags.flagd.json', kind: 'flagd', health: 'ok', flagCount: 3, asOf: JSON.parse(run.stdout).sources[0].asOf, diagnostics: [] },
        {
          id: 'launchdarkly:production',
          kind: 'launchdarkly',
          health: 'ok',
          flagCount: 8,
          asOf: JSON.parse(run.stdout).sources[1].asOf,
          dashboardBaseUrl: `${server.baseUrl}/default/production/features`,
          diagnostics: [],
        },
      ],
    });
  });

  it('exits 1 when a source is served from its cache, and says as of when', async () => {
    const first = await runCli(['sources', root, '--format', 'json'], { env: { LD_API_TOKEN: server.token, FLAGSWEEP_NOW: '2026-11-22' } });
    assert.equal(first.status, 0);
    const fetchedAt = JSON.parse(first.stdout).sources[1].asOf;
    await server.close();
    const run = await runCli(['sources', root], { env: { LD_API_TOKEN: server.token } });
    assert.equal(run.status, 1);
    assert.equal(
      run.stdout,
      [
        'flagd:flags.flagd.json   ok       3 flags',
        `launchdarkly:production  cached   8 flags  as of ${fetchedAt}`,
        `  warning: launchdarkly production: cannot reach ${server.baseUrl} (ECONNREFUSED: nothing listens there) (1 attempt; "retries" in flagsweep.config.json); using the cached state as of ${fetchedAt}`,
        '',
      ].join('\n'),
    );
  });

  it('--offline makes no request; --source-env picks another environment', async () => {
    const offline = await runCli(['sources', root, '--offline'], { env: { LD_API_TOKEN: server.token } });
    assert.equal(offline.status, 1);
    assert.match(offline.stdout, /launchdarkly:production {2}offline {2}0 flags\n {2}info: launchdarkly production: offline; no cached state to fall back on\n$/);
    assert.equal(server.requests.length, 0);

    const staging = await runCli(['sources', root, '--source-env', 'staging'], { env: { LD_API_TOKEN: server.token } });
    assert.equal(staging.status, 1);
    assert.ok(staging.stdout.includes('launchdarkly staging: 404 Not Found: /api/v2/flags/default does not exist; check "project" ("default"), "environment" ("staging")'), staging.stdout);
  });

  it('exits 1 on a rejected token and never prints it', async () => {
    const token = 'api-99998888-7777-6666-5555-444433332222';
    const run = await runCli(['sources', root, '--format', 'json'], { env: { LD_API_TOKEN: token } });
    assert.equal(run.status, 1);
    assert.equal(JSON.parse(run.stdout).sources[1].health, 'error');
    assert.ok(!run.stdout.includes(token) && !run.stderr.includes(token));
  });

  it('exits 2 on a config error', async () => {
    writeConfig({ source: { type: 'unleash', url: 'not a url' } });
    const run = await runCli(['sources', root]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^flagsweep: .*flagsweep\.config\.json: \$\.source\.url: /);
  });
});
