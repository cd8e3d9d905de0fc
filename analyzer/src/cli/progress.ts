/**
 * A "files scanned / total" line on stderr for scans that take more than a second, redrawn in place. Only on
 * an interactive terminal: never in pipes, redirected output or CI logs.
 */
export interface Progress {
  /** `label` replaces the default "scanning … files" wording, e.g. "blaming 3/40 files". */
  onProgress: (done: number, total: number, label?: string) => void;
  /** Clears the line (if one was drawn). Call before printing results. */
  stop: () => void;
}

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
  /** Wait this long before drawing anything (default 1000 ms). */
  delayMs?: number;
  label?: string;
  now?: () => number;
}

export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const enabled = stream.isTTY === true && !isCi(env) && env.TERM !== 'dumb';
  if (!enabled) return { onProgress: () => {}, stop: () => {} };
  const now = options.now ?? (() => Date.now());
  const started = now();
  const delay = options.delayMs ?? 1000;
  const label = options.label ?? 'scanning';
  let drawn = false;
  let lastDraw = 0;
  return {
    onProgress(done, total, what) {
      const t = now();
      if (t - started < delay) return;
      // Redraw at most ~10 times a second, and always for the last file.
      if (drawn && t - lastDraw < 100 && done < total) return;
      lastDraw = t;
      drawn = true;
      stream.write(`\r\x1b[2Kflagsweep: ${what ?? `${label} ${done}/${total} files`}`);
    },
    stop() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

function isCi(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.CI && env.CI !== 'false' && env.CI !== '0') || Boolean(env.GITHUB_ACTIONS || env.BUILDKITE || env.TF_BUILD);
}
