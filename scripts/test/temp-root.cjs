// Loaded by every mocha run (`require` in mocharc.cjs, `--require` for the root and extension unit tests): the run's
// temp files go to one folder of its own, removed when the run ends. Tests make temp folders in ~50 places and
// spawn CLIs, git and servers that make their own; the environment variable reaches them all, so none has to clean
// up after itself for the machine's temp folder to stay clean. FLAGSWEEP_KEEP_TEST_TMP=1 keeps the folder (its path
// is printed) to look at what a failed test left.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-test-run-'));
// Traversable by others: the Unleash tests run PostgreSQL as its own user with its data folder in here.
fs.chmodSync(root, 0o755);
process.env.TMPDIR = root;
process.env.TMP = root;
process.env.TEMP = root;

process.once('exit', () => {
  if (process.env.FLAGSWEEP_KEEP_TEST_TMP === '1') {
    process.stderr.write(`temp files of this test run kept in ${root}\n`);
    return;
  }
  try {
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Best effort: a file a child process still holds open on some systems. The folder is in the temp folder anyway.
  }
});
