import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CleanupPlan } from '../engine/cleanup';
import type { PlanReply, PlanRequest } from '../engine/plan-protocol';

/** The person cancelled the plan (the progress notification's Cancel): nothing to show, nothing to apply. */
export class PlanCancelled extends Error {
  constructor() {
    super('the cleanup was cancelled');
    this.name = 'PlanCancelled';
  }
}

/** The part of vscode.CancellationToken used here (this module runs outside VS Code in unit tests). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** dist/cleanup-worker.js, next to dist/extension.js (esbuild's second entry). */
export const WORKER_SCRIPT = path.join(__dirname, 'cleanup-worker.js');

interface Pending {
  request: PlanRequest;
  resolve: (plan: CleanupPlan) => void;
  reject: (e: Error) => void;
  subscription?: { dispose(): void };
}

/**
 * Computes cleanup plans in a worker thread: the extension host's thread stays free for hovers, saves and other
 * extensions while TypeScript checks the project. The worker is started on the first plan and kept while plans
 * come (TypeScript's lib files stay parsed: the second plan is faster), then ended after `idleMs` (2 minutes) without
 * one: it holds about 110 MB meanwhile (the corpus).
 * Cancelling a plan ends the worker at once (TypeScript cannot be interrupted in the middle of a check, a thread
 * can); plans still waiting are sent again to a new one.
 */
export class PlanWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: { script?: string; idleMs?: number } = {}) {}

  plan(request: PlanRequest, token?: Cancellation): Promise<CleanupPlan> {
    if (token?.isCancellationRequested) return Promise.reject(new PlanCancelled());
    const id = this.nextId++;
    return new Promise<CleanupPlan>((resolve, reject) => {
      const entry: Pending = { request, resolve, reject };
      this.pending.set(id, entry);
      entry.subscription = token?.onCancellationRequested(() => this.cancel(id));
      this.send(id, request);
    });
  }

  /** Whether a worker thread is running (tests, logs). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  dispose(): void {
    for (const [id] of this.pending) this.finish(id, new PlanCancelled());
    this.stop();
  }

  private send(id: number, request: PlanRequest): void {
    clearTimeout(this.idleTimer);
    if (!this.worker) {
      const worker = new Worker(this.options.script ?? WORKER_SCRIPT);
      // An idle worker never keeps the extension host (or a test run) alive.
      worker.unref();
      worker.on('message', (reply: PlanReply & { id: number }) => this.finish(reply.id, reply.ok ? reply.plan : new Error(reply.error)));
      worker.on('error', (e) => this.lost(worker, e));
      worker.on('exit', (code) => this.lost(worker, new Error(`the cleanup worker stopped before answering (exit code ${code})`)));
      this.worker = worker;
    }
    this.worker.postMessage({ id, request });
  }

  private finish(id: number, outcome: CleanupPlan | Error): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    entry.subscription?.dispose();
    if (outcome instanceof Error) entry.reject(outcome);
    else entry.resolve(outcome);
    if (this.pending.size === 0 && this.worker) {
      this.idleTimer = setTimeout(() => this.stop(), this.options.idleMs ?? 2 * 60_000);
      this.idleTimer.unref();
    }
  }

  private cancel(id: number): void {
    if (!this.pending.has(id)) return;
    this.finish(id, new PlanCancelled());
    this.stop();
    for (const [other, entry] of this.pending) this.send(other, entry.request);
  }

  /** The worker died (a crash, out of memory): every plan it held fails with why. */
  private lost(worker: Worker, error: Error): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    for (const [id] of this.pending) this.finish(id, error);
  }

  private stop(): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
  }
}
