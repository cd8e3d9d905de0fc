#!/usr/bin/env node
// `npm run test:fast`: the quick subset. Builds incrementally (`tsc -b`, the CLI tests spawn analyzer/dist), then
// runs each package's mocha suite without what needs servers, browsers or long runs (listed in SKIPPED).
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

/** What the fast subset leaves to `npm test`, and why. */
const SKIPPED = {
  analyzer: {
    'test/sources/unleash.test.ts': 'starts PostgreSQL and an Unleash server',
    'test/report/html-browser.test.ts': 'drives headless Chromium',
    'test/sweep/**': 'builds real git repositories and worktrees (minutes)',
    'test/cleanup/differential.test.ts': 'a 700-program property test (about 2 minutes)',
  },
  'eslint-plugin': {},
  extension: {},
};
const ALSO_SKIPPED = [
  'extension end-to-end suites (code-server + Chromium): npm run test:e2e -w extension',
  'root test/ (npm pack install test, GitHub Action test): npm run test:root',
];

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  return r.status ?? 1;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let failed = run(npx, ['tsc', '-b'], ROOT) !== 0 ? ['build'] : [];
if (failed.length === 0) {
  for (const [pkg, skipped] of Object.entries(SKIPPED)) {
    console.log(`\n== ${pkg}${Object.keys(skipped).length ? ` (skipping ${Object.keys(skipped).join(', ')})` : ''}`);
    const ignore = Object.keys(skipped).flatMap((glob) => ['--ignore', glob]);
    if (run(npx, ['mocha', '--reporter', 'dot', ...ignore], path.join(ROOT, pkg)) !== 0) failed.push(pkg);
  }
}
console.log('\nNot in the fast subset:');
for (const [pkg, skipped] of Object.entries(SKIPPED)) for (const [file, why] of Object.entries(skipped)) console.log(`  ${pkg}/${file}: ${why}`);
for (const line of ALSO_SKIPPED) console.log(`  ${line}`);
if (failed.length) {
  console.log(`\ntest:fast failed in: ${failed.join(', ')}`);
  process.exit(1);
}
