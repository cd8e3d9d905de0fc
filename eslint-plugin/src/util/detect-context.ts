import { createDetectContext, type DetectContext, type ResolvedConfig } from '@flagsweep/analyzer';
import { readProjectFile } from './source-files';

const detectContexts = new WeakMap<ResolvedConfig, DetectContext>();

/** One detection context per config: its key resolver caches the other files it parsed for the whole lint run. */
export function detectContextFor(config: ResolvedConfig): DetectContext {
  let detect = detectContexts.get(config);
  if (!detect) {
    detect = createDetectContext(config, { readFile: readProjectFile });
    detectContexts.set(config, detect);
  }
  return detect;
}
