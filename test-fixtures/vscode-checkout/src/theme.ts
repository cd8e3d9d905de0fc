import { OpenFeature } from '@openfeature/web-sdk';
import { Flags } from './flags';

const client = OpenFeature.getClient();

export function theme(): 'dark' | 'light' {
  return client.getBooleanValue(Flags.DarkMode, false) ? 'dark' : 'light';
}
