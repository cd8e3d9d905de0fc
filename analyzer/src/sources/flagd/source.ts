import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FlagdSourceConfig } from '../../config';
import type { FlagSource, SourceLoadOptions, SourceSnapshot } from '../types';
import { parseFlagdDocument } from './parse';

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
        text = fs.readFileSync(this.file, 'utf8');
        asOf = fs.statSync(this.file).mtime.toISOString();
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const message =
        code === 'ENOENT'
          ? `no flag file at ${this.file}: every flag in code will show as missing`
          : `cannot read the flag file ${this.file} (${code ?? String(e)})`;
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
