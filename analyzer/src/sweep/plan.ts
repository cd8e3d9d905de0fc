import type { BranchPlan, SweepFlag } from './types';

export const DEFAULT_BRANCH_PREFIX = 'flagsweep/remove-';
export const NO_OWNER_ID = 'unowned';

export interface PlanOptions {
  prefix: string;
  groupBy?: 'owner';
  /** At most this many branches, most debt first. */
  max?: number;
}

/**
 * Branches for the due flags (already in debt order): one per flag, or one per owner with the owner's flags in
 * debt order. Returns the branches kept and the flags --max left out.
 */
export function planBranches(due: readonly SweepFlag[], options: PlanOptions): { branches: BranchPlan[]; leftOut: SweepFlag[] } {
  let branches: BranchPlan[];
  if (options.groupBy === 'owner') {
    const byOwner = new Map<string, SweepFlag[]>();
    for (const flag of due) {
      const owner = flag.owner ?? '';
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), flag]);
    }
    branches = [...byOwner].map(([owner, flags]) => {
      const id = `owner-${owner ? refSafe(owner) : NO_OWNER_ID}`;
      return { branch: options.prefix + id, id, flags, ...(owner ? { owner } : {}) };
    });
  } else {
    branches = due.map((flag) => ({ branch: options.prefix + refSafe(flag.key), id: fileSafe(flag.key), flags: [flag] }));
  }
  const max = options.max ?? Infinity;
  return { branches: branches.slice(0, max), leftOut: branches.slice(max).flatMap((b) => b.flags) };
}

/** A key or owner as part of a branch name: what git forbids in a ref becomes "-". */
export function refSafe(text: string): string {
  return (
    text
      .replace(/^@/, '')
      .replace(/[^A-Za-z0-9._/-]+/g, '-')
      .replace(/\.{2,}/g, '.')
      .replace(/\/{2,}/g, '/')
      .replace(/(^[-./]+|[-./]+$)/g, '')
      .replace(/\.lock(\/|$)/g, '-lock$1') || 'flag'
  );
}

/** A key as a file name: no folders, nothing a shell or a file system would trip on. */
export function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'flag';
}
