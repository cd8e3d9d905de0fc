import { LineMap, type PlainRange } from './ranges';

/** The part of the cleanup engine's FileChange this mapping needs: offsets index into `before` (the disk's text or a document's). */
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
      // A VS Code document never holds the byte-order mark a file read from disk starts with (its encoding keeps it):
      // offsets into that text are one past the document's, which on the first line put an edit a character late.
      // The cleanup never edits the mark itself.
      const mark = change.before.charCodeAt(0) === 0xfeff ? 1 : 0;
      const lines = new LineMap(mark ? change.before.slice(1) : change.before);
      const edits = [...change.edits]
        .sort((a, b) => a.start - b.start)
        .map((e) => ({ range: lines.range(e.start - mark, e.end - mark), newText: e.newText }));
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
