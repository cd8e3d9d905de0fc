// Text utilities shared by every front end.
export { editDistance, nearestKey } from './suggest';
