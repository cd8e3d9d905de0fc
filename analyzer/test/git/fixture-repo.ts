import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A real git repository in a temp folder, with commits at fixed dates so ages are exact.
 * Shared by the git, report and `flagsweep check` tests.
 */
export class FixtureRepo {
  readonly dir: string;

  constructor(prefix = 'flagsweep-git-') {
    this.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix))).replace(/\\/g, '/');
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Fixture Author');
    this.git('config', 'user.email', 'fixture@example.com');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: this.env() });
  }

  /** Writes files (paths relative to the repo) without committing. */
  write(files: Record<string, string>): void {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(this.dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }

  /** Copies a folder's contents into the repo (without committing). */
  copyFrom(folder: string, into = '.'): void {
    fs.cpSync(folder, path.join(this.dir, into), { recursive: true });
  }

  /** Commits everything in the work tree with author and committer date `date` (YYYY-MM-DD, noon UTC). */
  commitAll(message: string, date: string): string {
    this.git('add', '-A');
    return this.commitStaged(message, date);
  }

  /** Commits what is staged, with author and committer date `date` (YYYY-MM-DD, noon UTC). */
  commitStaged(message: string, date: string): string {
    const stamp = `${date}T12:00:00Z`;
    execFileSync('git', ['commit', '-q', '-m', message], {
      cwd: this.dir,
      env: { ...this.env(), GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp },
    });
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private env(): NodeJS.ProcessEnv {
    // Keep the developer's global git config (hooks, signing, templates) out of the fixture.
    return { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_DIR: undefined, GIT_WORK_TREE: undefined } as NodeJS.ProcessEnv;
  }
}
