import { client } from './client.mjs';

export const flow = client.isEnabled('new-checkout') ? 'new' : 'old';
