// The public API of @flagsweep/analyzer. Each folder owns its own index.ts.
export * from './model';
export * from './config';
export * from './detect';
export * from './keys';
export * from './sources';
export * from './lifecycle';
export * from './cleanup';
export * from './report';
export * from './analyze';
export * from './debt';
export * from './text';
export * from './fs';
