import type { TSESLint } from '@typescript-eslint/utils';
import type { FlagAnnotation, FlagCheck, KeyDeclaration } from '@flagsweep/analyzer';
import type { UpdateOptions } from '@flagsweep/analyzer/session';
import { getProject, sameStamp, statFile, type Project } from './project';
import { samePath } from './rule-helpers';
import { parseSettings } from './settings';
import { resolveToday } from './today';

/** What the core found in one file, computed once per file and shared by every flagsweep rule. */
export interface FileFacts {
  /** Undefined when the config could not be loaded: then `problems` says why and the rules stay silent. */
  project?: Project;
  today?: Date;
  /** Config and flag-file problems, reported once (see reportProblemsOnce). */
  problems: string[];
  checks: readonly FlagCheck[];
  /** Declarations holding the keys read here, also those in other files a check resolved through. */
  declarations: readonly KeyDeclaration[];
  /** The declarations written in this file. */
  localDeclarations: readonly KeyDeclaration[];
  /** Flag annotations written in this file. */
  annotations: readonly FlagAnnotation[];
  /** Set by the first rule that reported `problems` for this file. */
  problemsClaimed: boolean;
}

/** The part of a rule context the shared analysis needs (any rule, any options). */
export interface AnyContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly filename: string;
  readonly cwd: string;
  readonly settings: TSESLint.SharedConfigurationSettings;
}

/**
 * ESLint runs every rule's `Program` listener for one file before it moves to the next, and every rule's listeners
 * for that file before any `Program:exit`: the facts of the file being linted are all a rule can ask for, and are
 * kept from the first rule's `Program` to the first rule's `Program:exit` (releaseFileFacts), no longer. Not a
 * WeakMap keyed by SourceCode (about half of the lints of a 1M-line corpus then let the heap grow to 1.2 GB), nor a
 * reference kept until the next file: V8's minor GCs hold what any reference points to, weak or not, so each file's
 * whole tree would outlive its lint into the next file's parse and be promoted to the old generation.
 */
let current: { sourceCode: object; facts: FileFacts } | undefined;

export function getFileFacts(context: AnyContext): FileFacts {
  const sourceCode = context.sourceCode;
  if (current?.sourceCode === sourceCode) return current.facts;
  const facts = computeFacts(context);
  current = { sourceCode, facts };
  return facts;
}

/** Every flagsweep rule's `Program:exit` (see createRule): ESLint is done with the file. */
export function releaseFileFacts(): void {
  current = undefined;
}

/**
 * The linted file's text goes to the project's session (`updateFile`; unchanged text costs a digest, nothing more):
 * the rules then read the session's result for this file and its records, built over the whole project.
 */
function computeFacts(context: AnyContext): FileFacts {
  const facts: FileFacts = { problems: [], checks: [], declarations: [], localDeclarations: [], annotations: [], problemsClaimed: false };
  let project: Project | { error: string };
  try {
    const parsed = parseSettings(context.settings);
    facts.today = resolveToday(parsed.settings.now);
    project = getProject(context.filename, context.cwd, parsed, facts.today);
  } catch (e) {
    facts.problems.push(oneLine((e as Error).message));
    return facts;
  }
  if ('error' in project) {
    facts.problems.push(oneLine(project.error));
    return facts;
  }
  facts.project = project;
  facts.problems.push(...project.problems);

  const session = project.session;
  const file = context.filename;
  // A file the index does not hold (the config excludes it, ESLint lints it) that was on disk when the project was
  // indexed: the other files' key resolution saw it already.
  const onDiskBefore = !session.hasFile(file) && wasOnDisk(file, project.indexedAt);
  const update = () => session.updateFile(file, context.sourceCode.text, { sourceFile: parseOf(context), onDiskBefore });
  update();
  let result = session.fileResult(file);
  // A file this one resolves keys through, changed on disk since the session read it (a long-lived ESLint in an
  // editor, a checkout) and not linted since: the session reads it again (re-indexing the files depending on it
  // from disk), then this file's text is handed over again.
  if (result && refreshDependencies(project, result.dependsOn)) {
    update();
    result = session.fileResult(file);
  }
  if (!result) return facts;
  if (result.skipped?.kind === 'crashed') {
    // One file the core can't handle must not end the whole lint run: say so in that file and move on.
    facts.problems.push(oneLine(`flagsweep: could not analyse this file: ${result.skipped.reason.replace(/^flagsweep could not scan this file: /, '')}`));
    return facts;
  }
  facts.checks = result.checks;
  facts.declarations = result.declarations;
  facts.localDeclarations = result.declarations.filter((d) => samePath(d.file, file));
  facts.annotations = result.annotations;
  return facts;
}

function wasOnDisk(file: string, since: number): boolean {
  const stamp = statFile(file);
  return !('error' in stamp) && stamp.mtimeMs < since;
}

function refreshDependencies(project: Project, deps: readonly string[]): boolean {
  let changed = false;
  for (const dep of deps) {
    const stamp = statFile(dep);
    const known = project.depStamps.get(dep);
    project.depStamps.set(dep, stamp);
    // Only files of the index: a module outside it is read again by the next lint run.
    if (known === undefined || sameStamp(known, stamp) || !project.session.hasFile(dep)) continue;
    project.session.updateFile(dep);
    changed = true;
  }
  return changed;
}

/**
 * typescript-eslint's parser already built a ts.SourceFile: the session reuses it (it checks that the parse is of
 * this text and from its own TypeScript copy). Other parsers (espree for JS/JSX) give none: the session parses.
 */
function parseOf(context: AnyContext): UpdateOptions['sourceFile'] {
  const sourceCode = context.sourceCode;
  const map = sourceCode.parserServices?.esTreeNodeToTSNodeMap;
  return map?.get(sourceCode.ast as never) as UpdateOptions['sourceFile'];
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}
