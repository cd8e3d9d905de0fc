import { flags } from './flags-client';
export default flags.isEnabled('from-mjs');
