/** Markdown helpers for hover text. Anything that comes from a flag service or from code goes through these. */

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&]/g;

/** Escapes text so it renders literally: no links, no HTML, no emphasis. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** An inline code span that holds any text, backticks included. */
export function code(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longestRun = (flat.match(/`+/g) ?? []).reduce((n, r) => Math.max(n, r.length), 0);
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || longestRun > 0 ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Renders a core message such as "serves `true` to everyone": backtick pairs become code spans, everything else
 * is escaped. Code spans can't carry links or HTML, so a hostile value in the message stays inert.
 */
export function inlineCodeText(text: string): string {
  const parts = text.split('`');
  // An odd count of backticks leaves the last one unpaired: treat it as text.
  const paired = parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), `${parts.at(-2)}\`${parts.at(-1)}`];
  return paired.map((p, i) => (i % 2 === 1 ? code(p) : escapeMarkdown(p))).join('');
}

/** A link that runs one of this extension's commands; the hover trusts only these command ids. */
export function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${escapeMarkdown(title)}](command:${command}?${encodeURIComponent(JSON.stringify(args))} "${escapeMarkdown(title)}")`;
}

/** A flag value as code: `true`, `"v2"`, `{"a":1}`. */
export function formatValue(value: unknown): string {
  return code(value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value)));
}
