import type { Command } from 'commander';
import { registerCheck } from './check';
import { registerCleanup } from './cleanup';
import { registerInit } from './init';
import { registerReport } from './report';
import { registerScan } from './scan';
import { registerSources } from './sources';
import { registerSweep } from './sweep';

/** Every CLI command, one module each. */
export const COMMANDS: ((program: Command) => void)[] = [registerInit, registerScan, registerSources, registerCleanup, registerCheck, registerReport, registerSweep];
