// The lazily loaded half of the extension (dist/engine.js): everything that needs the analyzer core or TypeScript.
export { FolderIndex, type FolderIndexOptions, type StateLoadOptions } from './folder-index';
export { planCleanup, type CleanupPlan, type CleanupScope } from './cleanup';
export type { DeadRange } from '@flagsweep/analyzer/session';
export { renderDebtReport } from './report';
export { keyPrefixMatcher, type KeyPrefixMatcher } from './completion';
export { findFlagdKeyRange, configJsonSchema, ConfigError, cleanupFlag, loadConfig, readTextFile } from '@flagsweep/analyzer';
export { unifiedDiff } from '@flagsweep/analyzer';
