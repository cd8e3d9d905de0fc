import type { AnnotationProblem, FlagAnnotation } from '../model';
import type { Locator } from './locate';
import { editDistance } from '../text/suggest';

export const FLAG_TAGS = ['flag', 'expires', 'owner', 'flagType', 'description'] as const;
export const DEFAULT_FLAG_TYPES = ['release', 'experiment', 'ops', 'permission'] as const;

/** Tags that make a comment a flag annotation (`@description` alone does not). */
const DEFINING_TAGS = new Set(['flag', 'expires', 'owner', 'flagType']);
const KNOWN_TAGS = new Set<string>(FLAG_TAGS);

export interface AnnotationOptions {
  /** Accepted `@flagType` values (default: release, experiment, ops, permission). */
  flagTypes?: readonly string[];
}

interface TagMatch {
  name: string;
  /** Offsets in the comment text. */
  start: number;
  nameEnd: number;
  valueEnd: number;
}

/**
 * Parses one comment (its full text, delimiters included, starting at `start` in the file) as a flag annotation.
 * Returns undefined when the comment has none of @flag, @expires, @owner, @flagType. Malformed values,
 * unknown tags and repeated tags become `problems` with exact ranges; well-formed values are kept.
 */
export function parseFlagAnnotation(
  text: string,
  start: number,
  file: string,
  locator: Locator,
  options: AnnotationOptions = {},
): FlagAnnotation | undefined {
  if (text.indexOf('@') < 0) return undefined;
  const [contentStart, contentEnd] = contentBounds(text);
  const tags = findTags(text, contentStart, contentEnd);
  if (!tags.some((t) => DEFINING_TAGS.has(t.name))) return undefined;

  const flagTypes = options.flagTypes ?? DEFAULT_FLAG_TYPES;
  const at = (s: number, e: number) => locator.rangeOf(start + s, start + e);
  const annotation: FlagAnnotation = { file, range: at(0, text.length), problems: [] };
  const problems: AnnotationProblem[] = annotation.problems;
  const seen = new Set<string>();
  const descriptionParts: string[] = [];
  const lead = cleanText(text.slice(contentStart, tags.length ? tags[0].start : contentEnd));
  if (lead) descriptionParts.push(lead);

  for (const tag of tags) {
    const tagText = text.slice(tag.start, tag.nameEnd);
    const raw = text.slice(tag.nameEnd, tag.valueEnd);
    const value = cleanText(raw);
    const firstWord = firstToken(text, tag.nameEnd, tag.valueEnd);
    const valueRange = firstWord ? at(firstWord.start, firstWord.end) : at(tag.start, tag.nameEnd);
    const problem = (message: string, range = valueRange) => problems.push({ tag: tagText, value, message, range });

    if (!KNOWN_TAGS.has(tag.name)) {
      const suggestion = suggest(tag.name);
      problem(`unknown tag ${tagText} in a flag annotation${suggestion ? ` (did you mean @${suggestion}?)` : ''}`, at(tag.start, tag.nameEnd));
      continue;
    }
    if (seen.has(tag.name) && tag.name !== 'description') {
      problem(`${tagText} is given more than once`, at(tag.start, tag.nameEnd));
      continue;
    }
    seen.add(tag.name);
    if (tag.name !== 'description' && !firstWord) {
      problem(`${tagText} needs a value`);
      continue;
    }
    switch (tag.name) {
      case 'flag': {
        annotation.key = firstWord!.text;
        const rest = cleanText(text.slice(firstWord!.end, tag.valueEnd));
        if (rest) descriptionParts.push(rest);
        break;
      }
      case 'expires': {
        const date = firstWord!.text;
        const dateProblem = checkDate(date);
        if (dateProblem) problem(`${tagText} ${dateProblem}`);
        else annotation.expires = date;
        break;
      }
      case 'owner':
        annotation.owner = value;
        break;
      case 'flagType':
        if (flagTypes.includes(firstWord!.text)) annotation.flagType = firstWord!.text;
        else problem(`${tagText} "${firstWord!.text}" is not one of ${flagTypes.join(', ')}`);
        break;
      case 'description':
        if (value) descriptionParts.push(value);
        break;
    }
  }
  if (descriptionParts.length) annotation.description = descriptionParts.join(' ');
  return annotation;
}

/** Undefined when `value` is YYYY-MM-DD naming a real calendar day, or `never`; otherwise what is wrong. */
export function checkDate(value: string): string | undefined {
  if (value === 'never') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `"${value}" is not a date: expected YYYY-MM-DD or never`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return `"${value}" is not a calendar date`;
  }
  return undefined;
}

function contentBounds(text: string): [number, number] {
  if (text.startsWith('/*')) {
    const start = text.startsWith('/**') && !text.startsWith('/**/') ? 3 : 2;
    return [start, text.endsWith('*/') && text.length >= start + 2 ? text.length - 2 : text.length];
  }
  if (text.startsWith('//')) return [text.startsWith('///') ? 3 : 2, text.length];
  return [0, text.length];
}

/**
 * Tags start at a line start (after optional `*`) or after whitespace. A known tag is a tag anywhere;
 * an unknown `@word` is a tag at a line start, or mid-line unless it follows @owner (owners are often `@team` handles).
 */
function findTags(text: string, from: number, to: number): TagMatch[] {
  const re = /@([A-Za-z][\w-]*)/g;
  re.lastIndex = from;
  const tags: TagMatch[] = [];
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const before = m.index === from ? ' ' : text[m.index - 1];
    if (!/[\s*]/.test(before)) continue;
    const name = m[1];
    const previous = tags[tags.length - 1];
    if (!KNOWN_TAGS.has(name) && !atLineStart(text, from, m.index) && previous?.name === 'owner') continue;
    if (previous) previous.valueEnd = m.index;
    tags.push({ name, start: m.index, nameEnd: m.index + m[0].length, valueEnd: to });
  }
  return tags;
}

function atLineStart(text: string, from: number, index: number): boolean {
  for (let i = index - 1; i >= from; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t' && c !== '*') return false;
  }
  return true;
}

function firstToken(text: string, from: number, to: number): { text: string; start: number; end: number } | undefined {
  let i = from;
  while (i < to && /[\s*]/.test(text[i])) {
    // A `*` only counts as JSDoc decoration at a line start; elsewhere it is part of the value.
    if (text[i] === '*' && !atLineStart(text, 0, i)) break;
    i++;
  }
  let j = i;
  while (j < to && !/\s/.test(text[j])) j++;
  return j > i ? { text: text.slice(i, j), start: i, end: j } : undefined;
}

/** Joins a multi-line comment fragment into one line, dropping JSDoc `*` gutters. */
function cleanText(raw: string): string {
  return raw
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/^\s*\*+(?!\/)/, '').trim())
    .filter((line) => line.length > 0)
    .join(' ')
    .trim();
}

function suggest(name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const known of FLAG_TAGS) {
    const k = known.toLowerCase();
    if (lower === k || editDistance(lower, k) <= 2) return known;
  }
  return undefined;
}

