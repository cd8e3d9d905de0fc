import { strict as assert } from 'node:assert';
import { Command } from 'commander';
import { COMMANDS, commandsFor } from '../../src/cli/commands';

const registered = (args: string[]): string[] => {
  const program = new Command('flagsweep');
  for (const register of commandsFor(args)) register(program);
  return program.commands.map((c) => c.name());
};

describe('CLI commands are loaded only when they run', () => {
  it('registers only the named command, with or without its options or --help', () => {
    assert.deepEqual(registered(['scan', '.', '--cache']), ['scan']);
    assert.deepEqual(registered(['check', '--help']), ['check']);
  });

  it('registers every command for help, `help <command>` and a misspelled command (its suggestion needs the others)', () => {
    const all = Object.keys(COMMANDS);
    assert.deepEqual(registered([]), all);
    assert.deepEqual(registered(['--help']), all);
    assert.deepEqual(registered(['help', 'scan']), all);
    assert.deepEqual(registered(['scna']), all);
    assert.deepEqual(all, ['init', 'scan', 'sources', 'cleanup', 'check', 'report', 'sweep']);
  });

  it('registers none for --version', () => {
    assert.deepEqual(registered(['--version']), []);
    assert.deepEqual(registered(['-V']), []);
  });
});
