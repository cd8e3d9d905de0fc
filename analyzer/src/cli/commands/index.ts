import type { Command } from 'commander';
import { registerScan } from './scan';
import { registerSources } from './sources';

/** Every CLI command, one module each. */
export const COMMANDS: ((program: Command) => void)[] = [registerScan, registerSources];
