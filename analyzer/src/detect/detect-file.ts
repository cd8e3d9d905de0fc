import { parseSource, syntaxErrors } from '../ast';
import { sourceFileLocator } from '../keys/locate';
import type { DetectContext } from './context';
import { detectInSourceFile, type FileDetection } from './detect-source';
import { mayContainFlagCheck } from './prefilter';

/**
 * Detects flag checks in one file's text: the prefilter first (most files are never parsed), then a parse
 * with the script kind its extension calls for. A file with syntax errors is not matched: its diagnostics say why.
 */
export function detectFile(absPath: string, text: string, ctx: DetectContext): FileDetection {
  const file = absPath.replace(/\\/g, '/');
  if (!mayContainFlagCheck(text, ctx.patterns)) return { checks: [], declarations: [], annotations: [], diagnostics: [], parsed: false };
  const sf = parseSource(file, text, { setParents: false });
  const errors = syntaxErrors(sf);
  if (errors.length > 0) {
    const first = errors[0];
    const at = sourceFileLocator(sf).rangeOf(first.start, first.start + first.length);
    const message = typeof first.messageText === 'string' ? first.messageText : first.messageText.messageText;
    return {
      checks: [],
      declarations: [],
      annotations: [],
      diagnostics: [{ severity: 'error', where: file, message: `syntax error: ${message}`, line: at.line, column: at.column }],
      parsed: false,
    };
  }
  return detectInSourceFile(sf, ctx);
}
