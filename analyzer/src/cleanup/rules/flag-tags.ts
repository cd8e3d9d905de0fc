import ts = require('typescript');
import type { RoundContext } from '../context';
import { removalRange } from '../text';

const TAG = /@(?:flag|expires|owner)\b[ \t]*[^\s@*]*/g;

/**
 * JSDoc naming the cleaned flag (`/** @flag new-checkout @expires 2026-01-01 *\/`) left on code that stays:
 * the next scan would report the flag again (as unused). Its `@flag`/`@expires`/`@owner` tags go; the whole
 * comment goes when nothing else is in it.
 */
export function removeFlagTags(ctx: RoundContext, keyNames: ReadonlySet<string>): void {
  const text = ctx.text;
  const seen = new Set<number>();
  const visit = (n: ts.Node): void => {
    for (const c of ts.getLeadingCommentRanges(text, n.pos) ?? []) {
      if (seen.has(c.pos) || c.kind !== ts.SyntaxKind.MultiLineCommentTrivia || !text.startsWith('/**', c.pos)) continue;
      seen.add(c.pos);
      const comment = text.slice(c.pos, c.end);
      const flags = [...comment.matchAll(/@flag[ \t]+([^\s@*]+)/g)].map((m) => m[1].replace(/^['"`]|['"`]$/g, ''));
      if (flags.length === 0 || !flags.every((f) => keyNames.has(f))) continue;
      ctx.group(() => rewriteComment(ctx, c.pos, c.end, comment));
    }
    ts.forEachChild(n, visit);
  };
  visit(ctx.sf);
}

function rewriteComment(ctx: RoundContext, start: number, end: number, comment: string): void {
  const lines = comment.split('\n');
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const stripped = line.replace(TAG, '').replace(/[ \t]+(\*\/)$/, ' $1').replace(/[ \t]+(\r?)$/, '$1');
    const hadTag = stripped !== line.replace(/[ \t]+(\r?)$/, '$1');
    if (hadTag && i > 0 && i < lines.length - 1 && /^\s*\*?\s*\r?$/.test(stripped)) return;
    kept.push(stripped);
  });
  const body = kept.join('\n').replace(/^\/\*\*|\*\/$/g, '').replace(/^\s*\*/gm, '').trim();
  if (body === '') {
    const r = removalRange(ctx.sf, start, end);
    ctx.edit(r.start, r.end, '');
  } else ctx.edit(start, end, kept.join('\n').replace(/\/\*\*\s+\*\/$/, '/** */'));
}
