'use strict';
// A deterministic sample of flags spread over usage counts: flags sorted by (usages, key) are cut into as many
// equal strata as the sample size, and one flag is drawn from each with a seeded generator.

const { rng } = require('../rng');

/** @param {{ key: string, usages: unknown[] }[]} flags @returns the sampled flags, in stratum order */
function sampleFlags(flags, size, seed) {
  const sorted = [...flags].sort((a, b) => a.usages.length - b.usages.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (sorted.length <= size) return sorted;
  const next = rng(seed);
  const picked = [];
  for (let i = 0; i < size; i++) {
    const from = Math.floor((i * sorted.length) / size);
    const to = Math.floor(((i + 1) * sorted.length) / size);
    picked.push(sorted[from + Math.floor(next() * (to - from))]);
  }
  return picked;
}

/** The sample in a seeded random order, so a run stopped early has still covered every usage range. */
function shuffled(items, seed) {
  const next = rng(seed ^ 0x9e3779b9);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

module.exports = { sampleFlags, shuffled, rng };
