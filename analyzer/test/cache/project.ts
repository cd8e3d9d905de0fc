import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ScanCache } from '../../src/cache/scan-cache';
import { loadConfig } from '../../src/config';
import type { ListingMemo, WalkedListing } from '../../src/detect/files';
import { scanProject, type ScanResult } from '../../src/detect/scan';

/** An hour ago: files written by a test are otherwise "racy" (changed in the second the cache was written). */
const PAST = Date.now() / 1000 - 3600;

export const CONFIG = { patterns: [{ call: 'flags.isEnabled' }], source: { type: 'flagd', path: 'flags.flagd.json' } };

/** A small project: a key constant imported by one file, a literal key in another, a file without flags. */
export function makeProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-cache-'));
  write(root, 'flagsweep.config.json', JSON.stringify(CONFIG));
  write(root, 'flags.flagd.json', flagd({ 'checkout-v2': 'on', 'dark-mode': 'off' }));
  write(root, 'src/keys.ts', "export const CHECKOUT = 'checkout-v2';\n");
  write(root, 'src/checkout.ts', "import { CHECKOUT } from './keys';\ndeclare const flags: { isEnabled(k: string): boolean };\nexport const on = flags.isEnabled(CHECKOUT);\n");
  write(root, 'src/theme.ts', "declare const flags: { isEnabled(k: string): boolean };\nexport const dark = flags.isEnabled('dark-mode');\n");
  write(root, 'src/plain.ts', 'export const answer = 42;\n');
  return root;
}

export function flagd(states: Record<string, 'on' | 'off'>): string {
  const flags: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(states)) flags[key] = { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: v };
  return JSON.stringify({ flags });
}

/** Writes a file with an mtime in the past (a later write gets a different mtime, as an edit would). */
export function write(root: string, rel: string, text: string, mtime = PAST): void {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.utimesSync(file, mtime, mtime);
}

/** An edit: new content, an mtime a minute later than the project's files (still not racy). */
export function edit(root: string, rel: string, text: string): void {
  write(root, rel, text, PAST + 60);
}

/** Every folder of the project gets an mtime in the past, as folders nobody touched lately have. */
export function ageFolders(root: string, mtime = PAST): void {
  for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) fs.utimesSync(path.join(entry.parentPath, entry.name), mtime, mtime);
  }
  fs.utimesSync(root, mtime, mtime);
}

export const cacheDir = (root: string): string => path.join(root, 'node_modules/.cache/flagsweep');

export interface CachedScan {
  result: ScanResult;
  reused: number;
  scanned: number;
  /** Walks of the project's folders (0: the remembered walk was reused). */
  walks: number;
  warnings: string[];
  /** "file:key" for every check, sorted. */
  keys: string[];
}

/** scanProject with the cache, as analyze() runs it: open, scan, save. */
export async function cachedScan(root: string, toolVersion = '1.0.0'): Promise<CachedScan> {
  const config = loadConfig(root);
  const cache = ScanCache.open(config, { location: cacheDir(root), toolVersion });
  const result = await scanProject(config, { cache });
  cache.save();
  return {
    result,
    reused: cache.stats.reused,
    scanned: cache.stats.scanned,
    walks: cache.stats.walks,
    warnings: cache.warnings.map((w) => w.message),
    keys: result.checks.map((c) => `${path.relative(root, c.file)}:${c.key}`).sort(),
  };
}

/** A listing memo held in memory that counts the walks it was handed. */
export function countingMemo(): ListingMemo & { walked?: WalkedListing; walks: number } {
  const m: ListingMemo & { walked?: WalkedListing; walks: number } = {
    walks: 0,
    recall: () => m.walked,
    remember: (l) => {
      m.walks++;
      m.walked = l;
    },
  };
  return m;
}
