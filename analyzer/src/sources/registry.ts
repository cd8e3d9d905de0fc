import type { SourceConfig } from '../config';
import { FlagdFileSource } from './flagd/source';
import { LaunchDarklySource } from './launchdarkly/source';
import { UnleashSource } from './unleash/source';
import type { FlagSource, SourceKind } from './types';

type Factory<K extends SourceKind> = (cfg: Extract<SourceConfig, { type: K }>, root: string) => FlagSource;

const factories: { [K in SourceKind]: Factory<K> } = {
  flagd: (cfg, root) => new FlagdFileSource(cfg, root),
  unleash: (cfg, root) => new UnleashSource(cfg, root),
  launchdarkly: (cfg, root) => new LaunchDarklySource(cfg, root),
};

/** Creates the source for one `source` entry of the config; `root` is the config's folder. */
export function createSource(cfg: SourceConfig, root: string): FlagSource {
  return (factories[cfg.type] as Factory<SourceKind>)(cfg as never, root);
}
