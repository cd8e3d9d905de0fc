'use strict';
/*
 * A deterministic ~1M-line corpus shaped like real React/TypeScript apps, written to .bench/calibrated (gitignored).
 * The shape comes from three real apps measured with bench/shape.js (figures and sources in docs/speed.md):
 * linode/manager (packages/manager), gitpod-io/gitpod (components), airbytehq/airbyte-platform (airbyte-webapp).
 *
 *   lines per file      log-normal, median 65, p90 ~250, p99 ~750, capped at 4,400 (real: medians 52–76, p90 218–318)
 *   candidate files     5.5% of files pass the prefilter (real: 2.7%, 5.9%, 7.8%), drawn larger: median 150 lines,
 *                       mean ~220 (real: medians 105–192, means 154–397), so ~10% of all lines get parsed
 *   lookalikes          16% of candidates hold no check (real: 12%, 15%, 18%); 1% more files hold a token only in a
 *                       string or comment and fail the whole prefilter (real: 0–1.7%)
 *   checks              1–3 per file with checks (real means 1.4–2.0): a flag hook, a LaunchDarkly useFlags,
 *                       a call pattern with literal keys or keys imported from src/flags/keys.ts
 *   files               55% .tsx (React components with JSX), 40% .ts, 5% .js
 */
const fs = require('node:fs');
const path = require('node:path');

const GENERATOR_VERSION = 1;
const { benchDir, targetLines } = require('./smoke');

const TARGET_LINES = targetLines();

const CONFIG = {
  patterns: [{ hook: 'useFlags' }, { call: 'useFeatureFlag' }, { call: 'flags.isEnabled' }],
  source: { type: 'flagd', path: 'flags.flagd.json' },
  gitignore: false,
};

const SHAPE = { medianLines: 65, sigma: 1.05, maxLines: 4400, candidateShare: 0.055, candidateMedian: 150, candidateSigma: 0.9, lookalikeShare: 0.16, tokenOnlyShare: 0.01 };

function calibratedDir() {
  return benchDir('calibrated');
}

const { rng } = require('./rng');

/** Box–Muller: a log-normal sample with the given median. */
function logNormal(r, median, sigma) {
  const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Math.round(median * Math.exp(sigma * z));
}

const WORDS = ['order', 'user', 'cart', 'invoice', 'payment', 'session', 'report', 'profile', 'search', 'volume', 'linode', 'billing', 'account', 'token', 'domain', 'firewall'];
const KEYS = 80;
const keyName = (i) => `${WORDS[i % WORDS.length]}-${['v2', 'redesign', 'beta', 'rollout', 'gate'][i % 5]}-${i}`;
const constName = (i) => keyName(i).toUpperCase().replace(/-/g, '_');
const camel = (s) => s.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const cap = (s) => s[0].toUpperCase() + s.slice(1);

const TSX_IMPORTS = ["import { useEffect, useMemo, useState } from 'react';", "import { Box, Button, Stack, Typography } from '@mui/material';", "import { useQuery } from '@tanstack/react-query';"];
const TS_IMPORTS = ["import type { Request, Response } from 'express';", "import { z } from 'zod';"];

function component(r, n) {
  const w = WORDS[Math.floor(r() * WORDS.length)];
  return [
    `export function ${cap(w)}Panel${n}({ items, onSelect }: { items: string[]; onSelect: (id: string) => void }) {`,
    `  const [open, setOpen] = useState(false);`,
    `  const visible = useMemo(() => items.filter((i) => i.length > ${Math.floor(r() * 5) + 1}), [items]);`,
    `  useEffect(() => {`,
    `    if (visible.length === 0) setOpen(false);`,
    `  }, [visible]);`,
    `  return (`,
    `    <Box className="${w}-panel" sx={{ p: 2 }}>`,
    `      <Button onClick={() => setOpen(!open)}>{open ? 'Hide ${w}s' : 'Show ${w}s'}</Button>`,
    `      {open && (`,
    `        <Stack spacing={1}>`,
    `          {visible.map((i) => (`,
    `            <Typography key={i} onClick={() => onSelect(i)}>`,
    `              {i}`,
    `            </Typography>`,
    `          ))}`,
    `        </Stack>`,
    `      )}`,
    `    </Box>`,
    `  );`,
    `}`,
    '',
  ];
}

function tsBlock(r, n) {
  const w = WORDS[Math.floor(r() * WORDS.length)];
  const blocks = [
    () => [`export interface ${cap(w)}${n} {`, `  id: string;`, `  label: string;`, `  createdAt: string;`, `  tags?: string[];`, `}`, ''],
    () => [
      `export const ${w}Schema${n} = z.object({`,
      `  id: z.string(),`,
      `  region: z.string().min(${Math.floor(r() * 4) + 1}),`,
      `  status: z.enum(['active', 'pending', 'deleted']),`,
      `});`,
      '',
    ],
    () => [
      `export async function fetch${cap(w)}${n}(req: Request, res: Response): Promise<void> {`,
      `  const page = Number(req.query.page ?? 1);`,
      `  const rows = await Promise.all([page, page + 1].map(async (p) => ({ p, items: [] as string[] })));`,
      `  if (rows.length === 0) {`,
      `    res.status(404).json({ error: '${w} not found' });`,
      `    return;`,
      `  }`,
      `  res.json({ data: rows, page });`,
      `}`,
      '',
    ],
    () => [
      `export function format${cap(w)}${n}(value: number, unit = '${w}'): string {`,
      `  if (value < ${Math.floor(r() * 1000)}) return \`\${value} \${unit}\`;`,
      `  const k = Math.round(value / 100) / 10;`,
      `  return \`\${k}k \${unit}s\`;`,
      `}`,
      '',
    ],
  ];
  return blocks[Math.floor(r() * blocks.length)]();
}

function stripTypes(line) {
  return line.replace(/\((req): Request, (res): Response\): Promise<void>/, '($1, $2)').replace(/\(value: number, unit = /, '(value, unit = ').replace(/\): string \{/, ') {').replace(/ as string\[\]/, '');
}

/** One flag read and its import: [imports, lines, checks]. */
function check(r, n, k) {
  const key = keyName(k);
  const variants = [
    () => [[], [`  const { ${camel(key)} } = useFlags();`, `  if (${camel(key)}) console.info('${key}');`], 1],
    () => [["import { useFlags as useLdFlags } from 'launchdarkly-react-client-sdk';"], [`  const ld${n} = useLdFlags();`, `  if (ld${n}.${camel(key)}) console.info('ld');`], 1],
    () => [[], [`  const on${n}_${k} = useFeatureFlag('${key}');`, `  if (on${n}_${k}) console.info('on');`], 1],
    () => [["import { FLAGS } from '../../../flags/keys';"], [`  if (flags.isEnabled(FLAGS.${constName(k)})) console.info('enabled');`], 1],
  ];
  return variants[Math.floor(r() * variants.length)]();
}

function flagFile(r, n, ext, lines) {
  const imports = new Set([...TSX_IMPORTS]);
  const declares = ['declare function useFlags(): Record<string, boolean>;', 'declare function useFeatureFlag(key: string): boolean;', 'declare const flags: { isEnabled(key: string): boolean };'];
  const body = [];
  let checks = 0;
  const count = 1 + Math.floor(r() * r() * 3);
  body.push(`export function Gate${n}() {`);
  for (let i = 0; i < count; i++) {
    const [imp, code, c] = check(r, n, Math.floor(r() * KEYS));
    imp.forEach((x) => imports.add(x));
    body.push(...code);
    checks += c;
  }
  body.push('  return null;', '}', '');
  while (body.length + imports.size + declares.length < lines) body.push(...(ext === 'tsx' ? component(r, `${n}_${body.length}`) : tsBlock(r, `${n}_${body.length}`)));
  return { text: [...imports, ...declares, '', ...body].join('\n') + '\n', checks };
}

/** Passes the prefilter (the tokens are there) but holds no check. */
function lookalikeFile(r, n, ext, lines) {
  const traps = [
    [`const flags = ['a', 'b'];`, `export const ready${n} = (button: { isEnabled(): boolean }) => button.isEnabled() && flags.length > 0;`],
    [`// useFlags() is called by the parent; this panel only renders what it gets.`, `export const note${n} = 'see parent';`],
    [`export const doc${n} = 'call useFeatureFlag(key) in a component to read a flag';`],
  ];
  const body = [...traps[Math.floor(r() * traps.length)], ''];
  while (body.length + TSX_IMPORTS.length < lines) body.push(...(ext === 'tsx' ? component(r, `${n}_${body.length}`) : tsBlock(r, `${n}_${body.length}`)));
  return [...(ext === 'tsx' ? TSX_IMPORTS : TS_IMPORTS), '', ...body].join('\n') + '\n';
}

function plainFile(r, n, ext, lines, tokenOnly) {
  const body = tokenOnly ? [`export const vendor${n} = 'posthog and launchdarkly were evaluated in 2023';`, ''] : [];
  while (body.length + 3 < lines) body.push(...(ext === 'tsx' ? component(r, `${n}_${body.length}`) : tsBlock(r, `${n}_${body.length}`)));
  const imports = ext === 'tsx' ? TSX_IMPORTS : ext === 'ts' ? TS_IMPORTS : [];
  const text = [...imports, '', ...body].join('\n') + '\n';
  return ext === 'js' ? text.split('\n').map(stripTypes).join('\n') : text;
}

function generate(dir) {
  const r = rng(20261206);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'src', 'flags'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), JSON.stringify(CONFIG, null, 2) + '\n');
  const flagd = { flags: {} };
  for (let i = 0; i < KEYS; i++) flagd.flags[keyName(i)] = { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: i % 3 ? 'on' : 'off' };
  fs.writeFileSync(path.join(dir, 'flags.flagd.json'), JSON.stringify(flagd, null, 2) + '\n');
  const keys = ['export const FLAGS = {', ...Array.from({ length: KEYS }, (_, i) => `  ${constName(i)}: '${keyName(i)}',`), '} as const;', ''].join('\n');
  fs.writeFileSync(path.join(dir, 'src', 'flags', 'keys.ts'), keys);
  let lines = keys.split('\n').length - 1;
  let files = 1;
  let candidates = 0;
  let lookalikes = 0;
  let expectedChecks = 0;
  for (let n = 0; lines < TARGET_LINES; n++) {
    const roll = r();
    const ext = roll < 0.55 ? 'tsx' : roll < 0.95 ? 'ts' : 'js';
    const kind = r();
    let text;
    if (kind < SHAPE.candidateShare && ext !== 'js') {
      const size = Math.min(SHAPE.maxLines, Math.max(20, logNormal(r, SHAPE.candidateMedian, SHAPE.candidateSigma)));
      candidates++;
      if (r() < SHAPE.lookalikeShare) {
        lookalikes++;
        text = lookalikeFile(r, n, ext, size);
      } else {
        const f = flagFile(r, n, ext, size);
        expectedChecks += f.checks;
        text = f.text;
      }
    } else {
      const size = Math.min(SHAPE.maxLines, Math.max(3, logNormal(r, SHAPE.medianLines, SHAPE.sigma)));
      text = plainFile(r, n, ext, size, kind < SHAPE.candidateShare + SHAPE.tokenOnlyShare);
    }
    const sub = path.join(dir, 'src', 'features', `f${String(n % 60).padStart(2, '0')}`, `part${Math.floor(n / 60) % 12}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `file${n}.${ext}`), text);
    lines += text.split('\n').length - 1;
    files++;
  }
  const manifest = { version: GENERATOR_VERSION, files, lines, candidates, lookalikes, expectedChecks, shape: SHAPE };
  fs.writeFileSync(path.join(dir, 'corpus.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function ensureCalibrated() {
  const dir = calibratedDir();
  try {
    if (JSON.parse(fs.readFileSync(path.join(dir, 'corpus.json'), 'utf8')).version === GENERATOR_VERSION) return dir;
  } catch {
    // missing or unreadable: generate
  }
  generate(dir);
  return dir;
}

module.exports = { ensureCalibrated, calibratedDir, CONFIG };

if (require.main === module) {
  const started = Date.now();
  const m = generate(calibratedDir());
  console.log(JSON.stringify(m), `${Date.now() - started} ms`);
}
