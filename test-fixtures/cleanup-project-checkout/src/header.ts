import { isDarkMode, isNewCheckout } from './flag-helpers';

export function headerLinks(): string[] {
  const links = ['home'];
  if (isNewCheckout()) {
    links.push('express-checkout');
  }
  return isDarkMode() ? links.map((l) => `${l}-dark`) : links;
}
