// Entry point for the performance scenarios: the generated 1M-line corpus and a real app (`npm run bench` starts them).
export { run } from '../suite/index';
