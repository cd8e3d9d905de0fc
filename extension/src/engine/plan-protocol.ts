// What the extension host sends the cleanup worker (with a message id) and what it answers. Types only: this file is
// imported by both sides and adds nothing to either bundle.
import type { ResolvedConfig } from '@flagsweep/analyzer';
import type { CleanupPlan, CleanupScope } from './cleanup';

export interface PlanRequest {
  config: ResolvedConfig;
  key: string;
  value: unknown;
  scope: CleanupScope;
  verify: boolean;
  /** [absolute path, text] of every file open in the editor: unsaved text wins over the disk, as in the index. */
  openFiles: [string, string][];
}

export type PlanReply = { ok: true; plan: CleanupPlan } | { ok: false; error: string };
