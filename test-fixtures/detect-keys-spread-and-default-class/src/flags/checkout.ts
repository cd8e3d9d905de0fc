export const CHECKOUT_FLAGS = { V2: 'checkout-v2', EXPRESS: 'express-pay' } as const;

export default class SearchFlags {
  static readonly FUZZY = 'fuzzy-search';
}
