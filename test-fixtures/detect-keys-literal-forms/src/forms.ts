declare const flags: { isEnabled(key: string): boolean };

const PREFIX = 'pay';
const SEARCH = 'search-v2';
const ALIAS_OF_SEARCH = SEARCH;
export const KEYS = { checkout: { V2: 'checkout-v2' }, 'legacy-cart': 'legacy-cart' } as const;
enum Feature {
  Wallet = 'wallet',
  Count,
}
const FROZEN = Object.freeze({ RETRY: 'retry-logic' });

export function forms() {
  return [
    flags.isEnabled('literal-key'),
    flags.isEnabled(`template-key`),
    flags.isEnabled(SEARCH),
    flags.isEnabled(ALIAS_OF_SEARCH),
    flags.isEnabled(KEYS.checkout.V2),
    flags.isEnabled(KEYS['legacy-cart']),
    flags.isEnabled(Feature.Wallet),
    flags.isEnabled(FROZEN.RETRY),
    flags.isEnabled(`${PREFIX}-links`),
    flags.isEnabled(PREFIX + '-later'),
    flags.isEnabled(Feature.Count),
  ];
}
