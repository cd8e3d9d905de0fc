export const NEW_CART = 'new-cart';

export enum Flag {
  Reviews = 'reviews-v2',
}

export const GROUPS = { search: { FUZZY: 'fuzzy-search' } } as const;

const internal = 'internal-tools';
export { internal as INTERNAL_TOOLS };

export default { EXPORT_CSV: 'export-csv' };

export class FeatureFlags {
  /** @flag new-ui @owner team-web */
  static readonly NEW_UI = 'new-ui';
  static mutable = 'not-a-constant';
}
