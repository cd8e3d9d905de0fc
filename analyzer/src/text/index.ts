// Text utilities shared by every front end (dependency-free).
export { editDistance, nearestKey } from './suggest';
export { formatIsoDay, isIsoDay, parseIsoDay } from './iso-day';
export { escapeRegExp } from './regexp';
