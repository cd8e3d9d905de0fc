// Runs a real Unleash server in its own process so the tests can stop it cleanly.
// Env: UNLEASH_SERVER_ENTRY (the installed unleash-server's entry file, see scripts/setup/unleash.sh),
// PGPORT (PostgreSQL on 127.0.0.1, trust auth, user postgres), UNLEASH_PORT, INIT_ADMIN_API_TOKENS.
// Prints "READY <port>" on stdout once the server listens; stops on SIGTERM.
import { pathToFileURL } from 'node:url';

const { start } = await import(pathToFileURL(process.env.UNLEASH_SERVER_ENTRY).href);

const unleash = await start({
  db: { host: '127.0.0.1', port: Number(process.env.PGPORT), user: 'postgres', password: '', database: 'postgres', ssl: false },
  server: { host: '127.0.0.1', port: Number(process.env.UNLEASH_PORT) },
  versionCheck: { enable: false },
  logLevel: 'error',
});
process.stdout.write(`READY ${process.env.UNLEASH_PORT}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  try {
    await unleash.stop();
  } finally {
    process.exit(0);
  }
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
