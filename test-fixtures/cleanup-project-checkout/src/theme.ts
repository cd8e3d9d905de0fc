import { client } from './client';
import { FLAGS } from './flags';

export const theme = client.isEnabled(FLAGS.DARK_MODE, false) ? 'dark' : 'light';
