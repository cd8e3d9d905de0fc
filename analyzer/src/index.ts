// The public API of @flagsweep/analyzer (`.`). Curated: what front ends and integrations need, nothing internal.
// The dependency-free helpers are also at `@flagsweep/analyzer/words` (see words.ts) for small bundles.

// ---- Analysis ---------------------------------------------------------------------------------------------------
/** Analyse a project: scan for flag checks, load flag sources, build one record per flag with its status. */
export { analyze, sourceLabel, type AnalyzeOptions, type AnalysisResult } from './analyze';
/** Scan a project's files for flag checks (no sources, no statuses): the building block of `analyze`. */
export { scanProject, type ScanOptions, type ScanResult, type SkippedFile } from './detect/scan';
/** Per-file detection, for front ends that hold the file text themselves (the ESLint plugin, the editor). */
export { createDetectContext, type DetectContext, type DetectContextOptions } from './detect/context';
/** Detection on a file read from disk (or from a given text); a file that does not parse is reported, not thrown. */
export { detectFile } from './detect/detect-file';
/** Detection on an already parsed `ts.SourceFile` (typescript-eslint's, or one from `parseSource`). */
export { detectInSourceFile, type FileDetection } from './detect/detect-source';
/** The compiled call/member/hook/JSX patterns of a config, and the cheap text test that skips most files. */
export { compilePatterns, type PatternSet } from './detect/patterns';
export { mayContainFlagCheck } from './detect/prefilter';
/** The files a config covers: the whole listing, or whether one file is covered (no listing). */
export { listSourceFiles, listSourceFilesSync } from './detect/files';
export { coversFile } from './detect/covers-file';
/** One parse of a TS/JS file with the script kind its name implies (no binding, no checker). */
export { parseSource, scriptKindFor, type ParseOptions } from './ast';

// ---- Flag records and lifecycle ----------------------------------------------------------------------------------
/** Join checks, declarations, annotations and source states into one record per flag key. */
export { buildRecords, type BuildRecordsInput } from './lifecycle/records';
/** Key forms: a source's `dark-mode` read as `darkMode` in code (LaunchDarkly's camelCase keys). */
export { camelCaseKey, canonicalKeys } from './lifecycle/keys';
/** Date maths and state phrases shared by every front end (also at `@flagsweep/analyzer/words`). */
export { daysBetween, formatDay, parseInstant, parseIsoDate, parseToday, relativeDays } from './lifecycle/dates';
export { formatValue, servesToEveryone, stateInWords } from './lifecycle/state-words';
/** The value every user gets when a flag is left as it is now, when there is one. */
export { winningValue } from './lifecycle/winning-value';
/** "Did you mean": nearest known key by edit distance. */
export { editDistance, nearestKey } from './text';

// ---- Sources -----------------------------------------------------------------------------------------------------
/** A flag source (flagd file, Unleash, LaunchDarkly) from its config entry, and how snapshots of several merge. */
export { createSource } from './sources/registry';
export { mergeSnapshots } from './sources/merge';
export type { FlagSource, SourceHealth, SourceKind, SourceLoadOptions, SourceSnapshot } from './sources/types';
/** A flagd document parsed with positions; where a key is defined in it. */
export { findFlagdKeyRange, parseFlagdDocument, type FlagdParseResult } from './sources/flagd/parse';

// ---- Configuration -----------------------------------------------------------------------------------------------
/** Find, read and validate `flagsweep.config.json(c)`; every problem is a `ConfigError` with a JSON path. */
export { ConfigError, findConfigFile, loadConfig, resolveConfig, CONFIG_FILE_NAME, CONFIG_FILE_NAMES, type ResolvedConfig } from './config/load';
/** The config's types and the key-naming policy values. */
export { KEY_CASES, type FlagsweepConfig, type FlagsweepConfigInput, type KeyCase, type KeyPolicy, type LifecyclePolicy, type PatternConfig, type SourceConfig } from './config/schema';
/** The JSON Schema of the config file (editors validate with it). */
export { configJsonSchema } from './config/json-schema';
/** Whether a user-supplied key pattern can backtrack catastrophically (refused before it is compiled). */
export { catastrophicBacktracking } from './keys/safe-regex';
/** The key-naming policy: how a key breaks it, the sentence for each way, and a project's offending flags. */
export { KEY_VIOLATION_MESSAGES, keyViolationMessage, keyViolations, namingFindings, violationData, type KeyViolation, type NamingFinding } from './keys/naming';

// ---- Cleanup -----------------------------------------------------------------------------------------------------
/** Remove a flag from a project for a given value: verified, all-or-nothing edits; never writes by itself. */
export { cleanupFlag } from './cleanup/project';
export type { CleanupError, CleanupRequest, CleanupResult, CleanupScope, FileChange, LeftSite, ReadSnapshot, TextEdit, Verification, VerificationDiagnostic } from './cleanup/types';
/** Type-check a set of changes before and after (in memory): the diagnostics a cleanup would add. */
export { verifyChanges, type VerifyOptions } from './cleanup/verify';
/** A unified diff of one file's change, as `git diff` shows it. */
export { unifiedDiff } from './cleanup/diff';

// ---- Reports -----------------------------------------------------------------------------------------------------
/** Every report format behind one typed map: `REPORTERS[format]({ result, debt })` returns the report's text. */
export { REPORTERS, REPORT_FORMATS, type ReportFormat, type ReportInput, type Reporter } from './report/reporters';
/** The versioned JSON report (`flagsweep scan --format json`) and its types; docs/json-report.md describes it. */
export { JSON_REPORT_VERSION, toJsonReport, type JsonFlag, type JsonReport, type JsonUsage } from './report/json';
export { withDebt, type JsonReportWithDebt } from './debt/json';
/** The flag-debt report (owners, ages, removable lines) that the text, markdown, HTML, SARIF and CSV reports render. */
export { collectDebt, type CollectDebtOptions } from './debt/collect';
export type { DebtReport, DebtSummary, DynamicUsageDebt, FlagDebt, OwnerDebt, UsageDebt } from './debt/types';
/** Lines a cleanup of each actionable flag would remove (a dry run per flag, engine loaded on first use). */
export { cleanupDryRunLines } from './debt/removable';
/** The HTML report on its own (the editor shows it in a webview). */
export { renderHtml, type HtmlOptions } from './report/html';
/** This package's version, from its package.json. */
export { TOOL_VERSION } from './tool-version';

// ---- Files -------------------------------------------------------------------------------------------------------
/** Read a text file the way the core does: size limits, UTF-8 only, one clear error (`FileReadError`). */
export { FileReadError, readTextFile } from './fs/read';

// ---- Model -------------------------------------------------------------------------------------------------------
/** The flag model every front end shares: checks, declarations, annotations, states, records, statuses. */
export { FLAG_STATUSES } from './model';
export type {
  AnnotationProblem,
  CheckEvaluates,
  CheckKind,
  Diagnostic,
  FlagAnnotation,
  FlagCheck,
  FlagRecord,
  FlagState,
  FlagStatus,
  KeyDeclaration,
  KeyOrigin,
  SourceRange,
  ValueKind,
  ValueKindBasis,
  Winner,
} from './model';
