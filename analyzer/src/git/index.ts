export { GitError, GitRunner } from './exec';
export { findGitRepo, resolveCommit, type GitRepo, type FindRepoResult } from './repo';
export { blameLines, parsePorcelain, type LineAuthorship } from './blame';
export { collectGitActivity, type UsageLines, type FlagActivity, type GitActivity, type GitActivityOptions } from './activity';
export { changedLinesSince, parseUnifiedDiff, touchesChange, type ChangedLines } from './since';
