import { Command } from 'commander';
import { TOOL_VERSION } from '../tool-version';
import { commandsFor } from './commands';
import { reportError } from './run';

const program = new Command('flagsweep')
  .description('Find feature flags in TS/JS code, report flag debt, gate CI and clean flags out of the code.')
  .version(TOOL_VERSION)
  .showHelpAfterError()
  .exitOverride();
for (const register of commandsFor(process.argv.slice(2))) register(program);

if (process.argv.length <= 2) {
  // Bare `flagsweep` is a question, not a mistake: help on stdout, exit 0.
  process.stdout.write(program.helpInformation());
} else {
  program.parseAsync(process.argv).catch((e: unknown) => {
    process.exitCode = reportError(e);
  });
}
