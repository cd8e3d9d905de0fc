import * as path from 'node:path';
import type { ResolvedConfig } from '../config/load';
import type { FlagState } from '../model';
import { mergeSnapshots } from '../sources/merge';
import { createSource } from '../sources/registry';
import type { FlagSource, SourceLoadOptions, SourceSnapshot } from '../sources/types';
import type { LoadedSources, LoadSourcesOptions, ReadFile } from './types';

/**
 * The flag sources of one config and their last snapshots, merged per key by the one merge rule
 * (`sources/merge.ts`: live state from the last source that knows a flag, metadata from the first that sets it).
 */
export class SessionSources {
  private readonly sources: FlagSource[];
  private snapshots: SourceSnapshot[] = [];
  private merged = new Map<string, FlagState>();

  constructor(private readonly config: ResolvedConfig) {
    this.sources = config.sources.map((s) => createSource(s, config.root));
  }

  get states(): ReadonlyMap<string, FlagState> {
    return this.merged;
  }

  get current(): readonly SourceSnapshot[] {
    return this.snapshots;
  }

  /** Absolute paths of the local flag files (flagd): their edits refresh state without the network. */
  localFiles(): string[] {
    return this.config.sources.flatMap((s) => (s.type === 'flagd' ? [path.resolve(this.config.root, s.path)] : []));
  }

  hasRemote(): boolean {
    return this.config.sources.some((s) => s.type !== 'flagd');
  }

  async load(opts: LoadSourcesOptions, now: Date, readFile: ReadFile | undefined): Promise<LoadedSources> {
    const loadOpts: SourceLoadOptions = { env: opts.env ?? {}, offline: opts.offline, environment: opts.environment, now, readFile };
    const next = await Promise.all(
      this.sources.map((source, i) => {
        if (opts.localOnly && source.kind !== 'flagd' && this.snapshots[i]) return this.snapshots[i];
        return opts.force ? source.refresh(loadOpts) : source.load(loadOpts);
      }),
    );
    return this.set(next);
  }

  /** No network and no waiting: flag files plus the remote sources' disk caches (what `--offline` gives). */
  loadSync(opts: Pick<LoadSourcesOptions, 'environment' | 'localOnly'>, readFile: ReadFile | undefined): LoadedSources {
    const next = this.sources.map((source, i) => {
      if (opts.localOnly && source.kind !== 'flagd' && this.snapshots[i]) return this.snapshots[i];
      return source.loadOfflineSync({ readFile, environment: opts.environment });
    });
    return this.set(next);
  }

  set(snapshots: readonly SourceSnapshot[]): LoadedSources {
    this.snapshots = [...snapshots];
    this.merged = mergeSnapshots(this.snapshots);
    return { snapshots: this.snapshots, diagnostics: this.snapshots.flatMap((s) => s.diagnostics) };
  }
}

/** How reasons name the flag source: "flags.flagd.json", "unleash (production)". */
export function sourceLabel(config: ResolvedConfig): string {
  return config.sources.map((s) => (s.type === 'flagd' ? s.path : `${s.type} (${s.environment})`)).join(' or ');
}
