import { client } from './client';

const prefix = 'new';

export const steps = client.isEnabled(`${prefix}-checkout`) ? 1 : 3;
