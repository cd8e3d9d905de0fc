/** The CLI's exit codes, the same for every command. */
export const EXIT = {
  /** Nothing to report, or the work is done. */
  OK: 0,
  /** Findings that fail the requested gate, or cleanup sites left to a human. */
  FINDINGS: 1,
  /** Usage, config or parse error. */
  USAGE: 2,
} as const;
