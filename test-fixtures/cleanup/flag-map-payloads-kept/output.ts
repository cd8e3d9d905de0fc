import { api, trackFeature } from './api';

export const defaultFlags = {
  darkMode: true,
};

export function save(id: string, inUse: boolean) {
  api.post('/usage', { contextualBandits: inUse, featureName: id });
  trackFeature({ contextualBandits: true, source: 'settings' });
  const payload = { 'contextual-bandits': 'on' };
  return payload;
}
