import { client } from './client';
import { CHECKOUT_FLAG, DARK_MODE_FLAG } from './keys';

export const banner = client.isEnabled(CHECKOUT_FLAG) ? 'new' : 'old';
export const theme = client.isEnabled(DARK_MODE_FLAG) ? 'dark' : 'light';
