/** Imported first by extension.ts: when the bundle started evaluating, so activation time includes loading it. */
export const moduleStarted = performance.now();
