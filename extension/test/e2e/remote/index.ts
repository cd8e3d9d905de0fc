// Entry point for the multi-root / remote-source scenarios (trusted and Restricted Mode): same runner as the main suite.
export { run } from '../suite/index';
