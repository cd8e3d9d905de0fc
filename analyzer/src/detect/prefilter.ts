import { tokenRegExp, type PatternSet } from './patterns';

/**
 * The text prefilter: false means the file cannot contain a flag check or a flag annotation, so it is not parsed.
 * Tokens are SDK module names (a preset only matches where its SDK is imported), the last segment of each custom
 * pattern, global SDK method names, `@flag`, and flag functions learned from flag factories.
 */
export function mayContainFlagCheck(text: string, set: PatternSet): boolean {
  if (set.prefilter.functionCount !== set.definedFlagFunctions.size) {
    set.prefilter = { source: tokenRegExp([...set.prefilterTokens, ...set.definedFlagFunctions]), functionCount: set.definedFlagFunctions.size };
  }
  return set.prefilter.source.test(text);
}
