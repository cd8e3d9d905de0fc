export { FileReadError, readTextFile, readRegularFile, decodeText, utf16ByteOrder, notRegularFile, describeKind, formatBytes, type ReadOptions } from './read';
export { MAX_JSON_DEPTH, tooDeepAt } from './json-depth';
export { writeFileAtomically } from './write';
