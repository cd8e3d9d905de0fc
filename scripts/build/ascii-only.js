'use strict';
// V8 keeps every script's source text for as long as the script lives, as Latin-1 if it can, else as UTF-16: one
// non-ASCII character left in a bundle (esbuild escapes them in code, not in the comments it keeps) doubles what the
// bundle's text costs in memory (the ESLint plugin's: 0.9 -> 1.7 MB for the whole lint). Builds fail instead.
const fs = require('node:fs');

function assertAsciiOnly(file) {
  const text = fs.readFileSync(file, 'latin1');
  const at = text.search(/[^\x00-\x7f]/);
  if (at === -1) return;
  const line = text.slice(0, at).split('\n').length;
  throw new Error(`${file}:${line}: a non-ASCII character is left in the bundle (a comment in the sources?): write it in ASCII`);
}

module.exports = { assertAsciiOnly };
