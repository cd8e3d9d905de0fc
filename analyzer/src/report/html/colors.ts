import type { FlagStatus } from '../../model';

/** Status colours, chosen to stay distinguishable for common colour-vision deficiencies and to match text badges. */
export const STATUS_COLORS: Record<FlagStatus, string> = {
  expired: '#c62828',
  missing: '#7b1fa2',
  stale: '#b26a00',
  expiring: '#ef6c00',
  unused: '#607d8b',
  active: '#2e7d32',
};
