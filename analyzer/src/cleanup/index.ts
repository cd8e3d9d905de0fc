// Flag cleanup: given (key, value, scope), the edits that remove the flag from the code. Never writes files.
export { cleanupFlag } from './project';
export type { CleanupRequest, CleanupResult, CleanupScope, CleanupError, FileChange, LeftSite, ReadSnapshot, TextEdit, Verification, VerificationDiagnostic } from './types';
export { verifyChanges, type VerifyOptions } from './verify';
export { cleanupFileText, RewriteError, type RewriteErrorKind, type FileCleanupOptions, type FileCleanupResult } from './engine';
export { applyEdits, minimalEdits } from './edits';
export { removeFlagDefinition } from './definition';
export { checkReadsKey } from './keys';
export { unifiedDiff } from './diff';
