export * from './keys';
export { default as DEFAULTS } from './keys';
export { NEW_CART as CART_KEY } from './keys';
