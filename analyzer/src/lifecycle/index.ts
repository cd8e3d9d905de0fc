export * from './dates';
export * from './keys';
export * from './records';
export { decideStatus, describeServing, type StatusInput, type StatusVerdict } from './status';
export { formatValue, servesToEveryone, stateInWords } from './state-words';
export * from './winning-value';
