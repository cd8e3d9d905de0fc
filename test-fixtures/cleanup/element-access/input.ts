import { featureFlags } from './flags';

export function nav() {
  return featureFlags['new-nav'] ? renderNew() : renderOld();
}
