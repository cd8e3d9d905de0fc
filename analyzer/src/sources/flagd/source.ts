import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FlagdSourceConfig } from '../../config';
import { FileReadError, readTextFile } from '../../fs';
import type { FlagSource, SourceLoadOptions, SourceSnapshot } from '../types';
import { parseFlagdDocument } from './parse';

/** Far beyond any hand-written flag file (60 MB, 100,000 flags, still loads); a larger one is refused with a message. */
export const MAX_FLAG_FILE_BYTES = 256 * 1024 * 1024;

/** The local flagd flag-definition file. No network, no cache: the file is read on every load. */
export class FlagdFileSource implements FlagSource {
  readonly kind = 'flagd' as const;
  readonly id: string;
  readonly file: string;

  constructor(cfg: FlagdSourceConfig, root: string) {
    this.id = `flagd:${cfg.path}`;
    this.file = path.resolve(root, cfg.path);
  }

  async load(opts: SourceLoadOptions): Promise<SourceSnapshot> {
    return this.loadOfflineSync(opts);
  }

  /** The file never needs the network: the same as load(), synchronously. */
  loadOfflineSync(opts: Pick<SourceLoadOptions, 'readFile'>): SourceSnapshot {
    const base = { id: this.id, kind: this.kind };
    let text: string | undefined;
    let asOf: string | undefined;
    try {
      text = opts.readFile?.(this.file);
      if (text === undefined) {
        // Regular files only (a FIFO would block forever), and a size a person's flag file never reaches.
        text = readTextFile(this.file, { maxBytes: MAX_FLAG_FILE_BYTES });
        asOf = fs.statSync(this.file).mtime.toISOString();
      }
    } catch (e) {
      const code = e instanceof FileReadError ? e.code : (e as NodeJS.ErrnoException).code;
      const message =
        code === 'ENOENT'
          ? `no flag file at ${this.file}: every flag in code will show as missing`
          : `cannot read the flag file ${this.file} (${e instanceof FileReadError ? e.reason : (code ?? String(e))})`;
      return { ...base, states: [], health: 'error', diagnostics: [{ severity: code === 'ENOENT' ? 'warning' : 'error', where: this.file, message }] };
    }
    const { states, diagnostics } = parseFlagdDocument(text, this.file, this.id);
    const unusable = states.length === 0 && diagnostics.some((d) => d.severity === 'error');
    return { ...base, states, health: unusable ? 'error' : 'ok', ...(asOf ? { asOf } : {}), diagnostics };
  }

  refresh(opts: SourceLoadOptions): Promise<SourceSnapshot> {
    return this.load(opts);
  }
}
