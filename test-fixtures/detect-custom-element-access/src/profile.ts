import { FLAGS } from './flags';

declare const featureFlags: Record<string, boolean>;

export function profile(section: string) {
  const a = featureFlags[FLAGS.NEW_PROFILE];
  const b = featureFlags['profile-avatars'];
  const c = featureFlags[`profile-${section}`];
  return a && b && c && featureFlags[FLAGS.CARDS];
}
