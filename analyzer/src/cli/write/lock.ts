import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeKind } from '../../fs/read';
import { forget, removeOnExit } from './exit-cleanup';

export const LOCK_FILE = '.flagsweep.lock';

export class LockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockError';
  }
}

export interface Lock {
  file: string;
  release(): void;
}

/**
 * Takes `<root>/.flagsweep.lock` (it holds our pid) so two cleanups of one project cannot interleave. A lock left by a
 * process that no longer runs is taken over; a live one is a LockError naming its pid.
 */
export function acquireLock(root: string): Lock {
  const file = path.join(root, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      removeOnExit(file);
      return { file, release: () => release(file) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new LockError(`cannot create the lock ${file} (${(e as Error).message})`);
    }
    // Only a regular file is a lock flagsweep wrote: a FIFO would block the read below, a link could lead anywhere.
    const what = notALockFile(file);
    if (what) throw new LockError(`${file} ${what}, not a lock flagsweep wrote: remove it and run again`);
    const holder = readPid(file);
    if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
      throw new LockError(`another flagsweep cleanup is running (pid ${holder}); ${LOCK_FILE} in ${root} is its lock`);
    }
    // Stale (its process is gone, or the file is unreadable garbage): take it over.
    fs.rmSync(file, { force: true });
  }
  throw new LockError(`cannot take the lock ${file}: another process keeps re-creating it`);
}

function release(file: string): void {
  forget(file);
  if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
}

function notALockFile(file: string): string | undefined {
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat || stat.isFile()) return undefined;
  return stat.isSymbolicLink() ? 'is a symbolic link' : describeKind(stat);
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
