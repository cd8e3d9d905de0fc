import * as path from 'node:path';
import type { DebtReport, FlagDebt } from '../debt/types';
import { oneLine } from './control-chars';

export interface GithubOptions {
  /** Absolute folder of the config: usage paths in the report are relative to it. */
  root: string;
  /** Paths in annotations are relative to this folder (GITHUB_WORKSPACE, else the current folder). */
  workspace: string;
}

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` per failing usage (a flag without
 * usages gets one without a file), so the checks land on the pull request's diff. Escaped as the runner reads
 * them: `%`, CR and LF in the message; also `:` and `,` in properties.
 */
export function renderGithubAnnotations(report: DebtReport, failing: FlagDebt[], options: GithubOptions): string {
  const lines: string[] = [];
  for (const flag of failing) {
    const title = `flagsweep: ${flag.status} flag ${flag.key}`;
    const message = `${flag.key}: ${flag.reason}`;
    if (flag.usages.length === 0) lines.push(command({ title }, message));
    for (const u of flag.usages) {
      const file = path.relative(options.workspace, path.resolve(options.root, u.file)).split(path.sep).join('/');
      lines.push(command({ file, line: String(u.line), endLine: String(u.endLine), col: String(u.column), endColumn: String(u.endColumn), title }, message));
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function command(properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  return `::error ${props}::${escapeData(message)}`;
}

/** GitHub's escaping of a command's message; control characters are shown first, so the log can't be forged. */
export function escapeData(text: string): string {
  return oneLine(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
