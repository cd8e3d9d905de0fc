import * as path from 'node:path';
import * as ts from 'typescript';
import type { TSESLint } from '@typescript-eslint/utils';
import {
  detectInSourceFile,
  mayContainFlagCheck,
  parseSource,
  type FlagAnnotation,
  type FlagCheck,
  type KeyDeclaration,
} from '@flagsweep/analyzer';
import { detectContextFor } from './detect-context';
import { getProject, type Project } from './project';
import { keyedAnnotations, noteLintedFile } from './project-annotations';
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
  checks: FlagCheck[];
  /** Declarations holding the keys read here, also those in other files a check resolved through. */
  declarations: KeyDeclaration[];
  /** The declarations written in this file. */
  localDeclarations: KeyDeclaration[];
  /** Flag annotations written in this file. */
  annotations: FlagAnnotation[];
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

const factsBySource = new WeakMap<object, FileFacts>();

export function getFileFacts(context: AnyContext): FileFacts {
  const sourceCode = context.sourceCode;
  const cached = factsBySource.get(sourceCode);
  if (cached) return cached;
  const facts = computeFacts(context);
  factsBySource.set(sourceCode, facts);
  return facts;
}

function computeFacts(context: AnyContext): FileFacts {
  const facts: FileFacts = { problems: [], checks: [], declarations: [], localDeclarations: [], annotations: [], problemsClaimed: false };
  let project: Project | { error: string };
  try {
    const parsed = parseSettings(context.settings);
    facts.today = resolveToday(parsed.settings.now);
    project = getProject(context.filename, context.cwd, parsed);
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

  const detect = detectContextFor(project.config);
  const text = context.sourceCode.text;
  // The prefilter keeps the per-file cost near zero for the (many) files that can't contain a flag check.
  if (!mayContainFlagCheck(text, detect.patterns)) {
    noteLintedFile(project.config, context.filename, []);
    return facts;
  }
  let result: ReturnType<typeof detectInSourceFile>;
  try {
    result = detectInSourceFile(sourceFileFor(context), detect);
  } catch (e) {
    // One file the core can't handle must not end the whole lint run: say so in that file and move on.
    facts.problems.push(oneLine(`flagsweep: could not analyse this file: ${(e as Error).message}`));
    return facts;
  }
  facts.checks = result.checks;
  facts.declarations = result.declarations;
  facts.localDeclarations = result.declarations.filter((d) => samePath(d.file, context.filename));
  facts.annotations = result.annotations;
  noteLintedFile(project.config, context.filename, keyedAnnotations(result, context.filename.split(path.sep).join('/')));
  return facts;
}

/**
 * typescript-eslint's parser already built a ts.SourceFile: reuse it through its node map (no type information
 * needed). Other parsers (espree for JS/JSX) get a parse of their own, only for files that passed the prefilter.
 */
function sourceFileFor(context: AnyContext): ts.SourceFile {
  const sourceCode = context.sourceCode;
  const map = sourceCode.parserServices?.esTreeNodeToTSNodeMap;
  const node = map?.get(sourceCode.ast as never) as ts.Node | undefined;
  // A SourceFile from a different TypeScript copy has different SyntaxKind numbers: parse again in that case.
  if (node && node.kind === ts.SyntaxKind.SourceFile && (node as ts.SourceFile).text === sourceCode.text) return node as ts.SourceFile;
  return parseSource(context.filename, sourceCode.text);
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}
