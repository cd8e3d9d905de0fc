'use strict';
/*
 * A deterministic synthetic repository of about 1M lines for the benchmarks, written to .bench/corpus
 * (gitignored). It is regenerated only when missing or when GENERATOR_VERSION changes (.bench/corpus/corpus.json).
 *
 * Layout:
 *   flagsweep.config.json      every SDK preset + custom patterns for the in-house API (see CONFIG below)
 *   flags.flagd.json           flagd definitions for every key used in the corpus
 *   tsconfig.json              "paths": { "@flags/*": ["src/flags/*"] }
 *   corpus.json                generator version, file/line counts, and the expected number of checks by kind
 *   src/flags/keys.ts          `as const` object FLAGS, enum Feature, annotated `export const` keys
 *   src/flags/index.ts         re-exports keys.ts
 *   src/modules/mNN/*.ts|tsx|js  filler code; ~3% of files read flags (SDK presets, custom patterns, imported
 *                              constants through relative imports, re-exports and @flags/* paths); ~3% are traps:
 *                              same-named methods on non-flag objects, SDK calls in files that don't import the SDK,
 *                              flag-like code in comments and template literals, files naming SDK modules in text only.
 *
 * Config for the corpus (.bench/corpus/flagsweep.config.json):
 *   { "patterns": [ { "call": "flags.isEnabled" }, { "call": "flags.isDisabled", "negate": true },
 *                   { "property": "config.featureToggles" }, { "element": "featureFlags" },
 *                   { "hook": "useToggles" }, { "jsx": "Feature", "negateProp": "not" }, { "configEntry": "flag" } ],
 *     "source": { "type": "flagd", "path": "flags.flagd.json" }, "gitignore": false }
 *   ("gitignore": false because .bench/ is ignored by this repository's .gitignore, which applies to the corpus too.)
 *
 * Other bench cases (cleanup, eslint, extension) read the same corpus: require('./corpus').ensureCorpus() returns its folder.
 */
const fs = require('node:fs');
const path = require('node:path');

const GENERATOR_VERSION = 4;
const { SMOKE, benchDir, targetLines } = require('./smoke');

const TARGET_LINES = targetLines();
// Shares of files reading flags and of trap files: 3% each, as in real apps; a smoke run's 70 files need more to hold any.
const FLAG_SHARE = SMOKE ? 0.15 : 0.03;
const TRAP_SHARE = SMOKE ? 0.1 : 0.03;
const MODULES = 40;

const CONFIG = {
  patterns: [
    { call: 'flags.isEnabled' },
    { call: 'flags.isDisabled', negate: true },
    { property: 'config.featureToggles' },
    { element: 'featureFlags' },
    { hook: 'useToggles' },
    { jsx: 'Feature', negateProp: 'not' },
    { configEntry: 'flag' },
  ],
  source: { type: 'flagd', path: 'flags.flagd.json' },
  // The corpus lives under .bench/, which the repository's .gitignore ignores.
  gitignore: false,
};

function corpusDir() {
  return benchDir('corpus');
}

const { rng } = require('./rng');

const WORDS = ['order', 'user', 'cart', 'invoice', 'payment', 'session', 'report', 'profile', 'search', 'inventory', 'shipment', 'coupon', 'review', 'account', 'token', 'message'];
const KEY_COUNT = 60;
const keyName = (i) => `${WORDS[i % WORDS.length]}-${['v2', 'redesign', 'beta', 'rollout', 'fast-path'][i % 5]}-${i}`;
const constName = (i) => keyName(i).toUpperCase().replace(/-/g, '_');
const camel = (s) => s.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

function keysFile() {
  const lines = ['// Flag keys used across the corpus.', 'export const FLAGS = {'];
  for (let i = 0; i < KEY_COUNT; i++) lines.push(`  ${constName(i)}: '${keyName(i)}',`);
  lines.push('} as const;', '', 'export enum Feature {');
  for (let i = 0; i < 10; i++) lines.push(`  ${camel('f-' + keyName(i)).replace(/^f/, 'F')} = '${keyName(i)}',`);
  lines.push('}', '');
  for (let i = 0; i < 10; i++) {
    lines.push(`/**`, ` * Annotated key ${i}.`, ` * @flag ${keyName(i)}`, ` * @expires 2027-0${(i % 9) + 1}-15`, ` * @owner team-${WORDS[i]}`, ` * @flagType release`, ` */`);
    lines.push(`export const KEY_${i} = '${keyName(i)}';`);
  }
  return lines.join('\n') + '\n';
}

/** Filler code blocks: realistic TypeScript without any flag check. */
function filler(r, n, js) {
  const w = () => WORDS[Math.floor(r() * WORDS.length)];
  const blocks = [
    () => [`export interface ${cap(w())}${n}Record {`, `  id: string;`, `  createdAt: Date;`, `  amount: number;`, `  tags: string[];`, `}`, ''],
    () => [
      `export function compute${cap(w())}${n}(items: number[], factor = ${Math.floor(r() * 10) + 1}): number {`,
      `  let total = 0;`,
      `  for (const item of items) {`,
      `    if (item > ${Math.floor(r() * 100)}) total += item * factor;`,
      `    else total -= item;`,
      `  }`,
      `  return Math.round(total * 100) / 100;`,
      `}`,
      '',
    ],
    () => [
      `export class ${cap(w())}Service${n} {`,
      `  private readonly cache = new Map<string, number>();`,
      `  constructor(private readonly name: string) {}`,
      `  lookup(id: string): number | undefined {`,
      `    const hit = this.cache.get(id);`,
      `    if (hit !== undefined) return hit;`,
      `    const value = id.length * ${Math.floor(r() * 50) + 1};`,
      `    this.cache.set(id, value);`,
      `    return value;`,
      `  }`,
      `}`,
      '',
    ],
    () => [
      `const labels${n} = {`,
      `  title: '${cap(w())} overview',`,
      `  empty: 'Nothing here yet',`,
      `  retry: 'Try again',`,
      `};`,
      `export const describe${n} = (count: number) => (count === 0 ? labels${n}.empty : \`\${count} ${w()}s\`);`,
      '',
    ],
    () => [
      `export async function load${cap(w())}${n}(fetcher: (url: string) => Promise<unknown>): Promise<unknown[]> {`,
      `  const pages: unknown[] = [];`,
      `  for (let page = 0; page < ${Math.floor(r() * 5) + 2}; page++) {`,
      `    const body = await fetcher(\`/api/${w()}?page=\${page}\`);`,
      `    if (!body) break;`,
      `    pages.push(body);`,
      `  }`,
      `  return pages;`,
      `}`,
      '',
    ],
  ];
  const out = [];
  // Interfaces have no JS form; JS files draw from the other blocks.
  const first = js ? 1 : 0;
  const block = blocks[first + Math.floor(r() * (blocks.length - first))]();
  out.push(...block);
  return out;
}

const cap = (s) => s[0].toUpperCase() + s.slice(1);

/** Flag-reading snippets: [imports, body lines, expected checks by kind]. */
function flagSnippet(r, n) {
  const k = Math.floor(r() * KEY_COUNT);
  const key = keyName(k);
  const variants = [
    () => [[`import { OpenFeature } from '@openfeature/server-sdk';`], [`const ofClient${n} = OpenFeature.getClient();`, `export async function of${n}(): Promise<boolean> {`, `  return await ofClient${n}.getBooleanValue('${key}', false);`, `}`], { call: 1 }],
    () => [[`import { init } from '@launchdarkly/node-server-sdk';`], [`const ld${n} = init('sdk-key');`, `export async function ld${n}Check(ctx: { key: string }) {`, `  return ld${n}.variation(`, `    '${key}',`, `    ctx,`, `    false,`, `  );`, `}`], { call: 1 }],
    () => [[`import { useFlags } from 'launchdarkly-react-client-sdk';`], [`export function LdView${n}() {`, `  const { ${camel(key)}, ${camel(keyName((k + 1) % KEY_COUNT))} } = useFlags();`, `  return ${camel(key)} && ${camel(keyName((k + 1) % KEY_COUNT))};`, `}`], { destructure: 2 }],
    () => [[`import { initialize } from 'unleash-client';`], [`const unleash${n} = initialize({ url: 'http://x', appName: 'a' });`, `export const u${n} = () => unleash${n}.isEnabled('${key}');`], { call: 1 }],
    () => [[`import { useFeatureIsOn } from '@growthbook/growthbook-react';`], [`export function Gb${n}() {`, `  return useFeatureIsOn('${key}');`, `}`], { call: 1 }],
    () => [[`import posthog from 'posthog-js';`], [`export const ph${n} = () => posthog.isFeatureEnabled('${key}');`], { call: 1 }],
    () => [[`import { FLAGS } from '../../flags';`], [`export function custom${n}(flags: { isEnabled(k: string): boolean }) {`, `  return flags.isEnabled(FLAGS.${constName(k)});`, `}`], { call: 1 }],
    () => [[`import { Feature as F${n} } from '@flags/keys';`], [`export class Gate${n} {`, `  constructor(private flags: { isDisabled(k: string): boolean }) {}`, `  off() {`, `    return this.flags?.isDisabled(F${n}.${camel('f-' + keyName(k % 10)).replace(/^f/, 'F')});`, `  }`, `}`], { call: 1 }],
    () => [[`import { KEY_${k % 10} } from '../../flags';`], [`declare const config: { featureToggles: Record<string, boolean> };`, `declare const featureFlags: Record<string, boolean>;`, `export const t${n} = config.featureToggles.${camel(key)} || featureFlags[KEY_${k % 10}];`], { property: 1, element: 1 }],
    () => [[], [`declare function useToggles(): Record<string, boolean>;`, `export function Toggles${n}() {`, `  const { ${camel(key)}: on${n} = false } = useToggles();`, `  return on${n};`, `}`], { destructure: 1 }],
    () => [[], [`export const routes${n} = [`, `  { path: '/a${n}', flag: '${key}' },`, `  { path: '/b${n}' },`, `];`], { 'config-entry': 1 }],
  ];
  return variants[Math.floor(r() * variants.length)]();
}

/** Lookalikes that must not become checks. */
function trapSnippet(r, n) {
  const key = keyName(Math.floor(r() * KEY_COUNT));
  const traps = [
    () => [`export function trap${n}(button: { isEnabled(k: string): boolean }) {`, `  return button.isEnabled('${key}');`, `}`],
    () => [`declare const someClient: { getBooleanValue(k: string, d: boolean): boolean };`, `export const trap${n} = someClient.getBooleanValue('${key}', false);`],
    () => [`// flags.isEnabled('${key}') was removed; see launchdarkly-node-server-sdk docs`, `export const trap${n} = 1;`],
    () => [`export const snippet${n} = \`flags.isEnabled('${key}') and client.variation('${key}', ctx, false)\`;`],
    () => [`/* <Feature flag="${key}"> from '@openfeature/server-sdk' */`, `export const trap${n} = 'unleash-client';`],
  ];
  return traps[Math.floor(r() * traps.length)]();
}

function generate(dir) {
  const r = rng(20261122);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'src', 'flags'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'flagsweep.config.json'), JSON.stringify(CONFIG, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@flags/*': ['src/flags/*'] } } }, null, 2) + '\n');
  const flagd = { flags: {} };
  for (let i = 0; i < KEY_COUNT; i++) flagd.flags[keyName(i)] = { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: i % 3 ? 'on' : 'off' };
  fs.writeFileSync(path.join(dir, 'flags.flagd.json'), JSON.stringify(flagd, null, 2) + '\n');
  const keys = keysFile();
  fs.writeFileSync(path.join(dir, 'src', 'flags', 'keys.ts'), keys);
  fs.writeFileSync(path.join(dir, 'src', 'flags', 'index.ts'), "export * from './keys';\n");

  let lines = keys.split('\n').length;
  let files = 2;
  const expected = {};
  let flagFiles = 0;
  let trapFiles = 0;
  for (let n = 0; lines < TARGET_LINES; n++) {
    const mod = `m${String(n % MODULES).padStart(2, '0')}`;
    const roll = r();
    const ext = roll < 0.6 ? 'ts' : roll < 0.85 ? 'tsx' : 'js';
    const body = [];
    const imports = [];
    const kind = r();
    if (kind < FLAG_SHARE && ext !== 'js') {
      const [imp, snippet, counts] = flagSnippet(r, n);
      imports.push(...imp);
      body.push(...snippet, '');
      for (const [k, v] of Object.entries(counts)) expected[k] = (expected[k] ?? 0) + v;
      flagFiles++;
    } else if (kind < FLAG_SHARE + TRAP_SHARE && ext !== 'js') {
      body.push(...trapSnippet(r, n), '');
      trapFiles++;
    }
    const target = 150 + Math.floor(r() * 250);
    for (let b = 0; body.length < target; b++) body.push(...filler(r, `${n}_${b}`, ext === 'js'));
    const text = [...imports, imports.length ? '' : null, ...(ext === 'js' ? body.map(stripTypes) : body)].filter((l) => l !== null).join('\n') + '\n';
    fs.mkdirSync(path.join(dir, 'src', 'modules', mod), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'modules', mod, `file${n}.${ext}`), text);
    lines += text.split('\n').length - 1;
    files++;
  }
  const checks = Object.values(expected).reduce((a, b) => a + b, 0);
  const manifest = { version: GENERATOR_VERSION, files, lines, flagFiles, trapFiles, expectedChecks: checks, expectedByKind: expected };
  fs.writeFileSync(path.join(dir, 'corpus.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** Filler for .js files: the same blocks without type syntax. */
function stripTypes(line) {
  return line
    .replace(/\((items): number\[\], factor = (\d+)\): number/, '($1, factor = $2)')
    .replace(/\((fetcher): \(url: string\) => Promise<unknown>\): Promise<unknown\[\]>/, '($1)')
    .replace(/const pages: unknown\[\] = \[\];/, 'const pages = [];')
    .replace(/new Map<string, number>\(\)/, 'new Map()')
    .replace(/constructor\(private readonly name: string\) \{\}/, 'constructor(name) { this.name = name; }')
    .replace(/private readonly cache/, 'cache')
    .replace(/lookup\(id: string\): number \| undefined/, 'lookup(id)')
    .replace(/\(count: number\)/, '(count)');
}

/** Returns the corpus folder, generating it first when missing or made by another generator version. */
function ensureCorpus() {
  const dir = corpusDir();
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'corpus.json'), 'utf8'));
    if (manifest.version === GENERATOR_VERSION) return dir;
  } catch {
    // missing or unreadable: generate
  }
  generate(dir);
  return dir;
}

function readManifest() {
  return JSON.parse(fs.readFileSync(path.join(corpusDir(), 'corpus.json'), 'utf8'));
}

module.exports = { corpusDir, ensureCorpus, readManifest, GENERATOR_VERSION, CONFIG };

if (require.main === module) {
  const started = Date.now();
  const dir = corpusDir();
  const manifest = generate(dir);
  console.log(`corpus: ${dir}`);
  console.log(`files: ${manifest.files}`);
  console.log(`lines: ${manifest.lines}`);
  console.log(`expected checks: ${manifest.expectedChecks}`);
  console.log(`generation ms: ${Date.now() - started}`);
}
