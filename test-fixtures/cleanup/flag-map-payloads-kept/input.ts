import { client } from './client';
import { api, trackFeature } from './api';

export const defaultFlags = {
  contextualBandits: false,
  darkMode: true,
};

export function save(id: string, inUse: boolean) {
  api.post('/usage', { contextualBandits: inUse, featureName: id });
  trackFeature({ contextualBandits: true, source: 'settings' });
  const payload = { 'contextual-bandits': 'on' };
  if (client.isEnabled('contextual-bandits')) return payload;
  return null;
}
