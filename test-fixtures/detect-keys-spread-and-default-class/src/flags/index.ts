import { CHECKOUT_FLAGS } from './checkout';

export const FLAGS = {
  ...CHECKOUT_FLAGS,
  EXPRESS: 'express-pay-v2',
  SEARCH: 'search-v2',
} as const;
