export const NEW_CART = 'new-cart';

export enum Flag {
  Reviews = 'reviews-v2',
}

export const GROUPS = { search: { FUZZY: 'fuzzy-search' } } as const;

const internal = 'internal-tools';
export { internal as INTERNAL_TOOLS };

export default { EXPORT_CSV: 'export-csv' };
