'use strict';
// Preloaded (`node -r bench/probe.js …`) into a timed flagsweep process: at exit it writes the process's peak RSS
// and whether TypeScript was loaded to $FLAGSWEEP_BENCH_PROBE.
const fs = require('node:fs');

process.on('exit', () => {
  const out = process.env.FLAGSWEEP_BENCH_PROBE;
  if (!out) return;
  const typescript = Object.keys(require.cache).some((f) => /[\\/]typescript[\\/]lib[\\/]typescript\.js$/.test(f));
  fs.writeFileSync(out, JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, typescript }));
});
