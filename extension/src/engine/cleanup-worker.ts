// The whole-flag cleanup with its type check, in a worker thread (dist/cleanup-worker.js): the plan can take tens of
// seconds on a large repository, and on the extension host's thread it would stop hovers, saves and every other
// extension meanwhile. The worker loads the same engine bundle (dist/engine.js) and runs the same function.
import { parentPort } from 'node:worker_threads';
import type { PlanReply, PlanRequest } from './plan-protocol';

// esbuild turns this into require('./engine.js'): the bundle next to this one, never a second copy of the analyzer.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = require('./index') as typeof import('./index');

async function run(request: PlanRequest): Promise<PlanReply> {
  // The editor's text of open files (saved or not); the engine reads the others from disk as the CLI does.
  const open = new Map(request.openFiles.map(([file, text]) => [file.replace(/\\/g, '/'), text]));
  const openText = (file: string): string | undefined => open.get(file.replace(/\\/g, '/'));
  const plan = await engine.planCleanup({ config: request.config }, openText, request.key, request.value, request.scope, { verify: request.verify });
  return { ok: true, plan };
}

// One message per plan, answered with its id: the worker lives on between plans (see PlanWorker).
parentPort!.on('message', ({ id, request }: { id: number; request: PlanRequest }) => {
  run(request).then(
    (reply) => parentPort!.postMessage({ id, ...reply }),
    (e: unknown) => parentPort!.postMessage({ id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
