export * from './paths';
export * from './json';
export * from './text';
export * from './markdown';
export * from './html';
export * from './sarif';
export * from './csv';
