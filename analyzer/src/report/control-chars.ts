/**
 * Flag data (keys, owners, descriptions, file names, vendor answers) can hold terminal escape sequences: ESC [ 2 J
 * clears a screen, OSC 8 forges links, BEL rings, bidi overrides reorder what is shown. Text and CSV output show
 * them as visible escapes instead. HTML and Markdown escape on their own.
 */
const ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const KEEP_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return NAMED[ch] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** For a value shown on one line: every control character, newlines and tabs included, becomes `\x1b`, `\n`, … */
export function oneLine(text: string): string {
  return text.replace(ONE_LINE, visible);
}

/** For a value that may span lines (a CSV cell): tabs, CR and LF stay, every other control character is escaped. */
export function escapeControlChars(text: string): string {
  return text.replace(KEEP_LINES, visible);
}
