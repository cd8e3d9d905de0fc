// Flag cleanup: given (key, value, scope), the edits that remove the flag from the code. Never writes files.
export { cleanupFlag } from './project';
export type { CleanupRequest, CleanupResult, CleanupScope, CleanupError, FileChange, LeftSite, TextEdit } from './types';
export { cleanupFileText, RewriteError, type FileCleanupOptions, type FileCleanupResult } from './engine';
export { applyEdits, minimalEdits } from './edits';
export { removeFlagDefinition } from './definition';
export { checkReadsKey } from './keys';
