import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { forget, removeNow, removeOnExit } from './exit-cleanup';

/** One file to replace: its new text, and what it held (and how it looked on disk) when the cleanup read it. */
export interface PlannedWrite {
  file: string;
  before: string;
  after: string;
  read?: { size: number; mtimeMs: number; sha256: string };
}

/** The file-system calls the writer makes; tests inject failures through it. */
export type WriteFs = Pick<typeof nodeFs, 'realpathSync' | 'statSync' | 'readFileSync' | 'writeFileSync' | 'chmodSync' | 'renameSync' | 'linkSync' | 'copyFileSync'>;

export interface WriteOptions {
  fs?: WriteFs;
  /** Runs after every temp file is written and before any target is checked and replaced (a test hook to pause). */
  beforeCommit?: () => Promise<void>;
}

/** Nothing was written: the message says why. */
export class WriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteError';
  }
}

interface Staged extends PlannedWrite {
  target: string;
  temp: string;
  backup: string;
  /** The backup is the only copy of the file's previous content (its restore failed): never delete it. */
  keepBackup?: boolean;
}

/**
 * All files or none. Each new text goes to a temp sibling of its target (a symlink is written through to the file it
 * points at, keeping the link; the mode is kept), then every target is checked unchanged since it was read (size,
 * mtime, sha256), then all are renamed into place. If a rename fails, the files already replaced are restored from
 * hard-link backups. Temp files and backups never outlive the call, nor the process (signals included).
 */
export async function writeAllOrNothing(writes: readonly PlannedWrite[], opts: WriteOptions = {}): Promise<void> {
  const fs = opts.fs ?? nodeFs;
  const staged: Staged[] = [];
  try {
    stage(fs, writes, staged);
    await opts.beforeCommit?.();
    for (const s of staged) checkUnchanged(fs, s);
    commit(fs, staged);
  } finally {
    for (const s of staged) {
      removeNow(s.temp);
      if (!s.keepBackup) removeNow(s.backup);
    }
  }
}

function stage(fs: WriteFs, writes: readonly PlannedWrite[], staged: Staged[]): void {
  const targets = new Set<string>();
  writes.forEach((w, i) => {
    const target = attempt(() => fs.realpathSync(w.file), `cannot resolve ${w.file}`);
    if (targets.has(target)) throw new WriteError(`${w.file} and another changed file are the same file (${target}); nothing was written`);
    targets.add(target);
    const dir = path.dirname(target);
    const base = path.basename(target);
    const s: Staged = { ...w, target, temp: path.join(dir, `.${base}.flagsweep-${process.pid}-${i}.tmp`), backup: path.join(dir, `.${base}.flagsweep-${process.pid}-${i}.bak`) };
    staged.push(s);
    const mode = attempt(() => fs.statSync(target).mode & 0o7777, `cannot stat ${w.file}`);
    removeOnExit(s.temp);
    attempt(() => {
      fs.writeFileSync(s.temp, Buffer.from(s.after, 'utf8'), { mode });
      fs.chmodSync(s.temp, mode); // writeFileSync's mode passes through the umask
    }, `cannot write a temp file next to ${w.file}`);
  });
}

function checkUnchanged(fs: WriteFs, s: Staged): void {
  const changed = `${s.file} changed on disk since flagsweep read it; nothing was written (run the cleanup again)`;
  const stat = attempt(() => fs.statSync(s.target), `cannot stat ${s.file}`);
  const bytes = attempt(() => fs.readFileSync(s.target), `cannot read ${s.file}`);
  if (s.read) {
    if (stat.size !== s.read.size || stat.mtimeMs !== s.read.mtimeMs || sha256(bytes) !== s.read.sha256) throw new WriteError(changed);
  } else if (!bytes.equals(Buffer.from(s.before, 'utf8'))) {
    throw new WriteError(changed);
  }
}

function commit(fs: WriteFs, staged: Staged[]): void {
  const replaced: Staged[] = [];
  for (const s of staged) {
    try {
      removeOnExit(s.backup);
      try {
        fs.linkSync(s.target, s.backup);
      } catch {
        fs.copyFileSync(s.target, s.backup);
      }
      fs.renameSync(s.temp, s.target);
      replaced.push(s);
    } catch (e) {
      const unrestored = restore(fs, replaced);
      const reason = `cannot replace ${s.file} (${(e as Error).message})`;
      if (unrestored.length === 0) throw new WriteError(`${reason}; the ${replaced.length} file(s) already replaced were restored; nothing was written`);
      throw new WriteError(`${reason}; could not restore ${unrestored.map((u) => `${u.file} (its previous content is in ${u.backup})`).join(', ')}`);
    }
  }
}

/** Puts the backups back, last first. Returns the files it could not restore; their backups are kept. */
function restore(fs: WriteFs, replaced: Staged[]): Staged[] {
  const failed: Staged[] = [];
  for (const s of [...replaced].reverse()) {
    try {
      fs.renameSync(s.backup, s.target);
    } catch {
      s.keepBackup = true;
      forget(s.backup);
      failed.push(s);
    }
  }
  return failed;
}

function attempt<T>(fn: () => T, what: string): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof WriteError) throw e;
    throw new WriteError(`${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing was written`);
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
