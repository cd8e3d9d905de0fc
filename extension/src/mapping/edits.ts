import { LineMap, type PlainRange } from './ranges';

/** The part of the cleanup engine's FileChange this mapping needs: offsets index into `before`. */
export interface CleanupFileChange {
  file: string;
  before: string;
  edits: readonly { start: number; end: number; newText: string }[];
}

export interface PlainTextEdit {
  range: PlainRange;
  newText: string;
}

export interface PlainFileEdit {
  file: string;
  edits: PlainTextEdit[];
  /** Refactor-preview metadata: shown grouped under `label`. */
  metadata: { label: string; description?: string; needsConfirmation: boolean };
}

export interface EditMappingOptions {
  label: string;
  /**
   * Entries VS Code shows unticked in the Refactor Preview until the person ticks each one. flagsweep's cleanups
   * are verified before they are offered, so they apply as chosen (the preview gesture shows them ticked).
   */
  needsConfirmation: boolean;
  /** Repo-relative name for the preview's per-file description. */
  relativeName?: (file: string) => string;
}

/** Maps cleanup results (offset edits) to line/character edits per file, for a WorkspaceEdit. */
export function editsToWorkspaceEdit(changes: readonly CleanupFileChange[], options: EditMappingOptions): PlainFileEdit[] {
  return changes
    .filter((c) => c.edits.length > 0)
    .map((change) => {
      const lines = new LineMap(change.before);
      const edits = [...change.edits]
        .sort((a, b) => a.start - b.start)
        .map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
      return {
        file: change.file,
        edits,
        metadata: {
          label: options.label,
          description: options.relativeName?.(change.file),
          needsConfirmation: options.needsConfirmation,
        },
      };
    });
}

/**
 * "Remove flag "x" everywhere (3 files, keep ON)…"; a value the person picks says so: "…, your choice: keep ON)…".
 * Without a file count (the background index is still counting) the title leaves it out.
 */
export function everywhereTitle(key: string, keepLabel: string, fileCount: number | undefined, isChoice = false): string {
  const files = fileCount === undefined ? '' : `${fileCount} file${fileCount === 1 ? '' : 's'}, `;
  return `Remove flag "${key}" everywhere (${files}${isChoice ? 'your choice: ' : ''}${keepLabel})…`;
}

/** "Remove flag "x" here (keep ON)"; "Remove flag "x" here (your choice: keep OFF)" without a winning value. */
export function hereTitle(key: string, keepLabel: string, isChoice = false): string {
  return `Remove flag "${key}" here (${isChoice ? 'your choice: ' : ''}${keepLabel})`;
}
