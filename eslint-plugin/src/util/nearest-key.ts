// The one "did you mean" of the project lives in the core, shared with `flagsweep cleanup`.
export { editDistance, nearestKey } from '@flagsweep/analyzer/words';
