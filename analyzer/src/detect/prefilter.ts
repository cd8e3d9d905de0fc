import { anchors, tokenRegExp, type PatternSet } from './patterns';

/**
 * The text prefilter: false means the file cannot contain a flag check or a flag annotation, so it is not parsed.
 * Token groups are SDK module names (a preset only matches where its SDK is imported), the named segments of each
 * custom pattern, global SDK method names, `@flag`, and flag functions learned from flag factories.
 */
export function mayContainFlagCheck(text: string, set: PatternSet): boolean {
  if (set.prefilter.functionCount !== set.definedFlagFunctions.size) {
    set.prefilter = { source: tokenRegExp(anchors([...set.prefilterGroups.map((g) => g[0]), ...set.definedFlagFunctions])), functionCount: set.definedFlagFunctions.size };
  }
  // One pass finds a candidate; only then are whole groups checked (rare: most files have no token at all).
  if (!set.prefilter.source.test(text)) return false;
  for (const group of set.prefilterGroups) {
    if (group.every((t) => (typeof t === 'string' ? text.includes(t) : t.test(text)))) return true;
  }
  for (const name of set.definedFlagFunctions) if (text.includes(name)) return true;
  return false;
}

/** Can the text hold a flag annotation (`@flag`, `@expires`, `@owner`, `@flagType`)? A cheap test before any parse. */
export function mayHaveAnnotations(text: string): boolean {
  return ANNOTATION_TAG.test(text);
}

const ANNOTATION_TAG = /@(flag|flagType|expires|owner)\b/;

/**
 * Does a file that passed the prefilter have to be parsed to know the project's flags, besides its own checks: it
 * may hold annotations (which set other files' expiry, owner and type) or import a flag factory (whose flags teach
 * the prefilter new names)? A file for which this is false adds only its own checks to the project.
 */
export function mayAffectOtherFiles(text: string, set: PatternSet): boolean {
  return mayHaveAnnotations(text) || set.definitionModules.some((m) => text.includes(m));
}
