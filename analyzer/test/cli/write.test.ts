import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskReader } from '../../src/cleanup/read';
import { acquireLock, LockError, writeAllOrNothing, WriteError, type PlannedWrite, type WriteFs } from '../../src/cli/write';

function scratch(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-write-')));
}

/** Plans a write of `after` into `file` the way the CLI does: from what the cleanup's default reader saw. */
function plan(file: string, after: string): PlannedWrite {
  const reader = new DiskReader();
  const before = reader.read(file)!;
  return { file, before, after, read: reader.snapshots.get(file) };
}

function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.includes('.flagsweep-'));
}

describe('all-or-nothing writes (cli/write)', () => {
  let dir: string;
  beforeEach(() => {
    dir = scratch();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replaces every file, keeps each file mode, and leaves no temp file or backup', async () => {
    fs.writeFileSync(path.join(dir, 'a.ts'), 'a1');
    fs.writeFileSync(path.join(dir, 'b.sh'), 'b1');
    fs.chmodSync(path.join(dir, 'b.sh'), 0o750);
    await writeAllOrNothing([plan(path.join(dir, 'a.ts'), 'a2'), plan(path.join(dir, 'b.sh'), 'b2')]);
    assert.equal(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8'), 'a2');
    assert.equal(fs.readFileSync(path.join(dir, 'b.sh'), 'utf8'), 'b2');
    assert.equal(fs.statSync(path.join(dir, 'b.sh')).mode & 0o777, 0o750);
    assert.deepEqual(leftovers(dir), []);
  });

  it('writes through a symlinked source file to its target; the link stays a link', async () => {
    fs.mkdirSync(path.join(dir, 'shared'));
    fs.writeFileSync(path.join(dir, 'shared/flags.ts'), 'old');
    fs.symlinkSync(path.join(dir, 'shared/flags.ts'), path.join(dir, 'flags.ts'));
    await writeAllOrNothing([plan(path.join(dir, 'flags.ts'), 'new')]);
    assert.ok(fs.lstatSync(path.join(dir, 'flags.ts')).isSymbolicLink());
    assert.equal(fs.readFileSync(path.join(dir, 'shared/flags.ts'), 'utf8'), 'new');
    assert.deepEqual(leftovers(path.join(dir, 'shared')), []);
  });

  it('a file changed since it was read: WriteError, and nothing is written (not even the unchanged files)', async () => {
    fs.writeFileSync(path.join(dir, 'a.ts'), 'a1');
    fs.writeFileSync(path.join(dir, 'b.ts'), 'b1');
    const plans = [plan(path.join(dir, 'a.ts'), 'a2'), plan(path.join(dir, 'b.ts'), 'b2')];
    fs.writeFileSync(path.join(dir, 'b.ts'), 'b1 edited by someone'); // same moment, another size and hash
    await assert.rejects(writeAllOrNothing(plans), (e: unknown) => e instanceof WriteError && /b\.ts changed on disk since flagsweep read it; nothing was written/.test(e.message));
    assert.equal(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8'), 'a1');
    assert.equal(fs.readFileSync(path.join(dir, 'b.ts'), 'utf8'), 'b1 edited by someone');
    assert.deepEqual(leftovers(dir), []);
  });

  it('a change that keeps size and content but touches mtime counts as a change too', async () => {
    fs.writeFileSync(path.join(dir, 'a.ts'), 'a1');
    const p = plan(path.join(dir, 'a.ts'), 'a2');
    fs.utimesSync(path.join(dir, 'a.ts'), new Date(), new Date(Date.now() + 5000));
    await assert.rejects(writeAllOrNothing([p]), WriteError);
    assert.equal(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8'), 'a1');
  });

  it('a rename that fails half-way restores the files already replaced, and removes every temp file and backup', async () => {
    for (const n of ['a', 'b', 'c']) fs.writeFileSync(path.join(dir, `${n}.ts`), `${n}1`);
    let renames = 0;
    const failingFs: WriteFs = {
      ...fs,
      renameSync: (from: fs.PathLike, to: fs.PathLike) => {
        // Third target rename fails (the disk filled up, say); restores (backup → target) go through.
        if (String(from).endsWith('.tmp') && ++renames === 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        fs.renameSync(from, to);
      },
    };
    await assert.rejects(
      writeAllOrNothing(['a', 'b', 'c'].map((n) => plan(path.join(dir, `${n}.ts`), `${n}2`)), { fs: failingFs }),
      (e: unknown) => e instanceof WriteError && /cannot replace .*c\.ts \(ENOSPC.*the 2 file\(s\) already replaced were restored; nothing was written/.test(e.message),
    );
    for (const n of ['a', 'b', 'c']) assert.equal(fs.readFileSync(path.join(dir, `${n}.ts`), 'utf8'), `${n}1`);
    assert.deepEqual(leftovers(dir), []);
  });

  it('two changes that are one file (a symlink and its target) are refused', async () => {
    fs.writeFileSync(path.join(dir, 'a.ts'), 'a1');
    fs.symlinkSync(path.join(dir, 'a.ts'), path.join(dir, 'link.ts'));
    await assert.rejects(writeAllOrNothing([plan(path.join(dir, 'a.ts'), 'x'), plan(path.join(dir, 'link.ts'), 'y')]), /are the same file/);
    assert.equal(fs.readFileSync(path.join(dir, 'a.ts'), 'utf8'), 'a1');
    assert.deepEqual(leftovers(dir), []);
  });
});

describe('the project lock (cli/write/lock)', () => {
  let dir: string;
  beforeEach(() => {
    dir = scratch();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is a file with our pid, removed on release', () => {
    const lock = acquireLock(dir);
    assert.equal(fs.readFileSync(path.join(dir, '.flagsweep.lock'), 'utf8').trim(), String(process.pid));
    lock.release();
    assert.equal(fs.existsSync(path.join(dir, '.flagsweep.lock')), false);
  });

  it('held by a live process: LockError naming its pid', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, '.flagsweep.lock'), `${holder.pid}\n`);
      assert.throws(() => acquireLock(dir), (e: unknown) => e instanceof LockError && e.message.startsWith(`another flagsweep cleanup is running (pid ${holder.pid})`));
      assert.equal(fs.readFileSync(path.join(dir, '.flagsweep.lock'), 'utf8').trim(), String(holder.pid), 'the live lock is left alone');
    } finally {
      holder.kill();
    }
  });

  it('left by a process that is gone: taken over', async () => {
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    fs.writeFileSync(path.join(dir, '.flagsweep.lock'), `${gone.pid}\n`);
    const lock = acquireLock(dir);
    assert.equal(fs.readFileSync(path.join(dir, '.flagsweep.lock'), 'utf8').trim(), String(process.pid));
    lock.release();
  });

  it('a FIFO, a folder or a link in its place: LockError at once (never waits on the FIFO), left as it is', () => {
    const file = path.join(dir, '.flagsweep.lock');
    execFileSync('mkfifo', [file]);
    assert.throws(() => acquireLock(dir), { name: 'LockError', message: `${file} is a FIFO (named pipe), not a lock flagsweep wrote: remove it and run again` });
    fs.rmSync(file);
    fs.mkdirSync(file);
    assert.throws(() => acquireLock(dir), { name: 'LockError', message: `${file} is a folder, not a lock flagsweep wrote: remove it and run again` });
    assert.ok(fs.statSync(file).isDirectory());
    fs.rmdirSync(file);
    fs.symlinkSync('/dev/zero', file);
    assert.throws(() => acquireLock(dir), { name: 'LockError', message: `${file} is a symbolic link, not a lock flagsweep wrote: remove it and run again` });
  });
});
