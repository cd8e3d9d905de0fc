// The mocha settings of every package: TypeScript through tsx, and a `spec` that a bare `npx mocha` runs.
// Mocha adds files named on the command line to `spec` instead of replacing it, so when some are named
// (`npx mocha test/x.test.ts`, a glob, a folder) the package's own spec is left out and only those run.
'use strict';

/** Options whose value is a path or glob but names no test file to run. */
const PATH_VALUED = new Set(['--ignore', '--exclude', '--require', '-r', '--file', '--config', '--package', '--import', '--reporter-option', '-O']);

function namesFiles(argv) {
  return argv.some((a, i) => !a.startsWith('-') && !PATH_VALUED.has(argv[i - 1]) && /\.(ts|js|mjs|cjs)$|[*/]/.test(a));
}

module.exports = function mocharc({ spec, timeout }, argv = process.argv.slice(2)) {
  return {
    extension: ['ts'],
    spec: namesFiles(argv) ? [] : [spec],
    'node-option': ['import=tsx'],
    require: [require.resolve('./temp-root.cjs')],
    ...(timeout === undefined ? {} : { timeout }),
    reporter: 'spec',
  };
};
