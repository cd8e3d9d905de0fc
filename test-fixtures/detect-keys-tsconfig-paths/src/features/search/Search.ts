import { SEARCH_V3 } from '@flags/keys';
import * as K from '@keys';

declare const flags: { isEnabled(key: string): boolean };

export const search = () => flags.isEnabled(SEARCH_V3) && flags.isEnabled(K.SEARCH_FILTERS);
