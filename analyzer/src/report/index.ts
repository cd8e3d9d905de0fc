export * from './paths';
export * from './json';
export * from './text';
