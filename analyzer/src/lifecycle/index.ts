export * from './dates';
export * from './keys';
export * from './records';
export { decideStatus, describeServing, formatValue, type StatusInput, type StatusVerdict } from './status';
export * from './winning-value';
