import * as fs from 'node:fs';

/**
 * Paths to delete however the process ends: temp files, backups, the lock. A signal (Ctrl-C, a CI timeout's
 * SIGTERM) removes them, then exits with the signal's conventional code.
 */
const pending = new Set<string>();
let installed = false;

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export function removeOnExit(file: string): void {
  install();
  pending.add(file);
}

export function forget(file: string): void {
  pending.delete(file);
}

export function removeNow(file: string): void {
  pending.delete(file);
  fs.rmSync(file, { force: true });
}

function removeAll(): void {
  for (const f of pending) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // Best effort while exiting: a file that cannot be removed is named by the next run's lock message.
    }
  }
  pending.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAll);
  for (const [signal, code] of Object.entries(SIGNAL_EXIT)) {
    process.on(signal, () => {
      removeAll();
      process.exit(code);
    });
  }
}
