/**
 * `@flagsweep/analyzer/words`: the dependency-free part of the core (date maths, ISO days, how a flag's state reads,
 * "did you mean", why a key is not known). It loads no package and no TypeScript, so a front end can put it in a small, fast-starting bundle.
 */
export { daysBetween, formatDay, parseInstant, parseIsoDate, parseToday, relativeDays } from './lifecycle/dates';
export { formatValue, servesToEveryone, stateInWords } from './lifecycle/state-words';
export { editDistance, formatIsoDay, isIsoDay, nearestKey, parseIsoDay } from './text';
export { dynamicReason } from './keys/dynamic-reason';
