export * from '@flagsweep/analyzer';
