/** The analyzer's version, read from its package.json (`../package.json` from both src/ and dist/). */
export const TOOL_VERSION: string = (require('../package.json') as { version: string }).version;
