import ignore from 'ignore';

/** One CODEOWNERS rule: a gitignore-style pattern and the owners of what it matches. */
export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
}

/** Where GitHub looks for CODEOWNERS, in its order. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/** Parses a CODEOWNERS file. Comments, blank lines and section headers ([Section], GitLab) are skipped. */
export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('[') || line.startsWith('^[')) return;
    const [pattern, ...owners] = line.split(/\s+/);
    rules.push({ pattern: pattern.replace(/\\#/g, '#'), owners: owners.filter(isOwnerHandle), line: i + 1 });
  });
  return rules;
}

/** The owners of one repository-relative file: the last matching rule wins (a rule with no owners clears them). */
export function codeownersOf(rules: readonly CodeownersRule[], file: string): string[] {
  for (let i = rules.length - 1; i >= 0; i--) {
    if (matches(rules[i].pattern, file)) return rules[i].owners;
  }
  return [];
}

const matchers = new Map<string, ReturnType<typeof ignore>>();
function matches(pattern: string, file: string): boolean {
  let m = matchers.get(pattern);
  if (!m) {
    m = ignore().add(pattern);
    matchers.set(pattern, m);
  }
  return m.ignores(file);
}

function isOwnerHandle(word: string): boolean {
  return word.startsWith('@') || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(word);
}

export interface ReviewerInput {
  /** The flags' owners (@owner annotations, flag-source metadata). */
  owners: readonly string[];
  /** The config `owners` map: owner → reviewer handle(s). */
  ownersMap: Readonly<Record<string, string | readonly string[]>>;
  rules: readonly CodeownersRule[];
  /** Repository-relative files the branch changes. */
  files: readonly string[];
}

/**
 * Reviewers for a branch: each flag owner through the config map (an owner already written as @handle stands for
 * itself), then the CODEOWNERS owners of every changed file. Deduplicated, in that order.
 */
export function reviewersFor(input: ReviewerInput): string[] {
  const out: string[] = [];
  const add = (handle: string) => {
    if (!out.some((h) => h.toLowerCase() === handle.toLowerCase())) out.push(handle);
  };
  for (const owner of input.owners) {
    const mapped = input.ownersMap[owner] ?? input.ownersMap[owner.replace(/^@/, '')];
    if (mapped !== undefined) for (const h of typeof mapped === 'string' ? [mapped] : mapped) add(normalizeHandle(h));
    else if (owner.startsWith('@')) add(owner);
  }
  for (const file of input.files) for (const h of codeownersOf(input.rules, file)) add(h);
  return out;
}

/** A config value written without its @ ("acme/payments") is the same handle as "@acme/payments". */
function normalizeHandle(h: string): string {
  const t = h.trim();
  return t.startsWith('@') || t.includes('@') ? t : `@${t}`;
}

/** Handles as `gh pr create --reviewer` takes them: "@acme/payments" → "acme/payments", "@alice" → "alice"; no e-mails. */
export function ghReviewers(handles: readonly string[]): string[] {
  return handles.filter((h) => h.startsWith('@') && /^@[A-Za-z0-9][\w.-]*(\/[\w.-]+)?$/.test(h)).map((h) => h.slice(1));
}
