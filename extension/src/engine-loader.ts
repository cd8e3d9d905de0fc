import type * as Engine from './engine';

let engine: typeof Engine | undefined;

/**
 * The analyzer core (and TypeScript) is several megabytes: it is bundled separately as dist/engine.js and
 * loaded on first use, after activation has returned, so activation stays fast.
 */
export function loadEngine(): typeof Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  engine ??= require('./engine') as typeof Engine;
  return engine;
}

export type { Engine };
