export const NEW_CHECKOUT_ON = true;
