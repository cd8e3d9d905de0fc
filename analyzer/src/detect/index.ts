export { compilePatterns, type PatternSet, type Matcher, type CallMatcher, type MemberMatcher, type HookMatcher, type JsxMatcher, type ConfigEntryMatcher, type DefinitionMatcher } from './patterns';
export { mayContainFlagCheck } from './prefilter';
export { createDetectContext, type DetectContext, type DetectContextOptions } from './context';
export { detectInSourceFile, type FileDetection } from './detect-source';
export { detectFile } from './detect-file';
export { listSourceFiles, listSourceFilesSync } from './files';
export { coversFile } from './covers-file';
export { scanProject, type ScanOptions, type ScanResult, type SkippedFile } from './scan';
export { SDK_PRESETS, moduleMatches, type SdkPreset, type PresetPattern } from '../config/presets';
