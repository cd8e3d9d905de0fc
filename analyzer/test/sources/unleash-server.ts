import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A throw-away PostgreSQL cluster and a real Unleash server (child process) for the source tests.
 * PostgreSQL refuses to run as root, so as root the cluster runs as user postgres.
 */
export interface UnleashTestServer {
  url: string;
  adminToken: string;
  stop(): Promise<void>;
}

export function findPostgresBin(base = '/usr/lib/postgresql'): string | undefined {
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], 'bin') : undefined;
}

/**
 * The PostgreSQL bin folder, or undefined when the tests may skip (PostgreSQL missing on a developer machine).
 * On CI (CI=true) a missing PostgreSQL is an error: the Unleash tests must run there.
 */
export function requirePostgres(env: Record<string, string | undefined>, base?: string): string | undefined {
  const bin = findPostgresBin(base);
  if (!bin && env.CI === 'true') throw new Error('PostgreSQL is missing on CI: run scripts/setup/postgres.sh');
  return bin;
}

/** unleash-server is a test-only tool installed outside the workspaces by scripts/setup/unleash.sh. */
export const UNLEASH_TOOLS = path.resolve(__dirname, '../../../.tools/unleash-server');

/** The entry module of the installed unleash-server (an ESM file), or undefined when it is not installed. */
export function findUnleashServer(tools = UNLEASH_TOOLS): string | undefined {
  const dir = path.join(tools, 'node_modules', 'unleash-server');
  let pkg: { exports?: unknown; main?: string };
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const exp = pkg.exports as string | { '.'?: unknown; import?: string; default?: string } | undefined;
  const root = typeof exp === 'object' && exp && '.' in exp ? exp['.'] : exp;
  const entry = typeof root === 'string' ? root : ((root as { import?: string; default?: string } | undefined)?.import ?? (root as { default?: string } | undefined)?.default ?? pkg.main);
  return entry && fs.existsSync(path.join(dir, entry)) ? path.join(dir, entry) : undefined;
}

/** Like requirePostgres: undefined lets a developer machine skip; on CI a missing unleash-server is an error. */
export function requireUnleashServer(env: Record<string, string | undefined>, tools?: string): string | undefined {
  const entry = findUnleashServer(tools);
  if (!entry && env.CI === 'true') throw new Error('unleash-server is missing on CI: run scripts/setup/unleash.sh');
  return entry;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function asPostgres(bin: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export async function startUnleash(pgBin: string, unleashEntry: string): Promise<UnleashTestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-pg-'));
  if (process.getuid?.() === 0) spawnSync('chown', ['postgres:postgres', dataDir]);
  const pgPort = await freePort();
  asPostgres(path.join(pgBin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  asPostgres(path.join(pgBin, 'pg_ctl'), [
    '-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', 'start',
    '-o', `-p ${pgPort} -k ${dataDir} -c listen_addresses=127.0.0.1 -F`,
  ]);
  let stopped = false;
  const stopPostgres = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPostgres(path.join(pgBin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };

  const port = await freePort();
  const adminToken = `*:*.flagsweep-test-${process.pid}-secret`;
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [path.join(__dirname, 'unleash-launcher.mjs')], {
      env: { ...process.env, UNLEASH_SERVER_ENTRY: unleashEntry, PGPORT: String(pgPort), UNLEASH_PORT: String(port), CHECK_VERSION: 'false', INIT_ADMIN_API_TOKENS: adminToken, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let err = '';
      const timer = setTimeout(() => reject(new Error(`unleash did not start within 60 s: ${err}`)), 60_000);
      child.stderr!.on('data', (d) => (err += String(d)));
      child.stdout!.on('data', (d) => {
        if (String(d).includes('READY')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`unleash exited with ${code}: ${err}`));
      });
    });
  } catch (e) {
    stopPostgres();
    throw e;
  }
  // If the test run dies before after() (Ctrl-C, crash), take the server and the cluster down with it.
  const onExit = () => {
    child.kill('SIGKILL');
    stopPostgres();
  };
  process.once('exit', onExit);
  return {
    url: `http://127.0.0.1:${port}`,
    adminToken,
    async stop() {
      process.removeListener('exit', onExit);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      stopPostgres();
    },
  };
}
