// Entry point for the performance scenario on the generated 1M-line corpus (`npm run bench` starts it).
export { run } from '../suite/index';
