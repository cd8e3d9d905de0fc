export type { FlagSource, SourceHealth, SourceKind, SourceLoadOptions, SourceSnapshot } from './types';
export { createSource } from './registry';
export { loadFlagStates, loadFlagStatesSync, mergeSnapshots, type LoadedFlagStates } from './merge';
export { parseFlagdDocument, findFlagdKeyRange, type FlagdParseResult } from './flagd/parse';
export { FLAGD_METADATA_KEYS } from './flagd/metadata';
