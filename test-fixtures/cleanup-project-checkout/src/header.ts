import { isDarkMode, isNewCheckout, NEW_CHECKOUT_AT_BOOT } from './flag-helpers';

export function headerLinks(): string[] {
  const links = ['home'];
  if (isNewCheckout()) {
    links.push('express-checkout');
  }
  if (!NEW_CHECKOUT_AT_BOOT) {
    links.push('legacy-help');
  }
  return isDarkMode() ? links.map((l) => `${l}-dark`) : links;
}
