// The core's state phrases, from the same dependency-free subpath as the date maths: dependency-free, so they land in the small
// activation bundle. One table phrases a flag's state for the hover, the problems, the flags view and the CLI.
export { stateInWords } from '@flagsweep/analyzer/words';

/** Plain text (no markdown) version for tree descriptions and tooltips. */
export function plain(markdownText: string): string {
  return markdownText.replace(/`+ ?([^`]*?) ?`+/g, '$1');
}
