import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE_NAMES, resolveConfig } from '../../config/load';
import { orderSdks, renderStarterConfig, renderStarterFlagFile, sdksFromImports, sdksFromPackageJson } from '../../config/starter';
import { listSourceFiles } from '../../detect/files';
import { scanProject } from '../../detect/scan';
import type { WrapperPattern } from '../../keys/wrapper-hint';
import type { FlagCheck } from '../../model';
import { EXIT } from '../exit-codes';
import { UsageError } from '../options';
import { action } from '../run';
import { packageRoot } from '../../package-root';
import { readTextFile } from '../../fs/read';

const MAX_PACKAGE_JSON_BYTES = 16 * 1024 * 1024;

const FLAG_FILE = 'flags.flagd.json';

interface InitOptions {
  json?: boolean;
}

/** `flagsweep init [dir]`: a starter config and a flagd file with the flags found; never overwrites. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description(`write a starter flagsweep.config.jsonc and a ${FLAG_FILE} with the flags found in the code`)
    .argument('[dir]', 'project folder (default: the current folder)')
    .option('--json', 'write flagsweep.config.json (plain JSON, no comments) instead of flagsweep.config.jsonc')
    .action(action((dir: string | undefined, opts: InitOptions) => runInit(path.resolve(dir ?? '.'), opts)));
}

async function runInit(root: string, opts: InitOptions): Promise<number> {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`${root}: no such folder`);
  const configFile = path.join(root, opts.json ? CONFIG_FILE_NAMES[0] : CONFIG_FILE_NAMES[1]);
  const flagFile = path.join(root, FLAG_FILE);
  refuseExisting(root, flagFile);

  const pkg = readPackageJson(root);
  const fromPackage = sdksFromPackageJson(pkg);
  const base = resolveConfig({}, root);
  const fromImports = new Set<string>();
  for (const file of await listSourceFiles(base)) {
    for (const id of sdksFromImports(safeRead(file))) fromImports.add(id);
  }

  // Scan with every preset, then once more with the wrappers found around SDK calls, so their callers count too.
  let checks = (await scanProject(base)).checks;
  const patterns = wrapperPatterns(checks);
  if (patterns.length > 0) checks = (await scanProject(resolveConfig({ patterns }, root))).checks;
  const sdks = orderSdks([...fromPackage, ...fromImports, ...checks.map((c) => c.sdk)]);

  const configText = renderStarterConfig({ sdks, patterns, schema: schemaReference(root), flagFile: FLAG_FILE, comments: !opts.json });
  const flags = renderStarterFlagFile(checks);
  writeNew([
    [configFile, configText],
    [flagFile, flags.text],
  ]);

  // The wrappers' own bodies stay dynamic (their key is a parameter); every other unresolved key is worth a look.
  const dynamic = checks.filter((c) => c.key === null && !patterns.some((p) => isWrapperBody(c, p))).length;
  const out = [
    `SDKs: ${sdks.length > 0 ? sdks.join(', ') : 'none found (every supported SDK stays on)'}`,
    ...patterns.map((p) => `wrapper: ${p.call} (key argument ${p.key}) added to patterns`),
    `wrote ${path.relative(process.cwd(), configFile) || configFile}`,
    `wrote ${path.relative(process.cwd(), flagFile) || flagFile} (${flags.keys.length} flag${flags.keys.length === 1 ? '' : 's'} found)`,
    ...(dynamic > 0 ? [`${dynamic} check${dynamic === 1 ? '' : 's'} with a key flagsweep cannot resolve: run flagsweep scan to see them`] : []),
    'next: flagsweep scan, then flagsweep check in CI (docs/init.md)',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return EXIT.OK;
}

function refuseExisting(root: string, flagFile: string): void {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(root, name);
    if (fs.existsSync(file)) throw new UsageError(`${file} already exists; init writes nothing (edit that file instead)`);
  }
  const pkg = readPackageJson(root);
  if (pkg !== null && typeof pkg === 'object' && 'flagsweep' in pkg) {
    throw new UsageError(`${path.join(root, 'package.json')} already has a "flagsweep" config; init writes nothing`);
  }
  if (fs.existsSync(flagFile)) throw new UsageError(`${flagFile} already exists; init writes nothing (move it away or write the config by hand)`);
}

// Both never block on a FIFO and never read a device (readTextFile); what cannot be read counts as absent.
function readPackageJson(root: string): unknown {
  try {
    return JSON.parse(readTextFile(path.join(root, 'package.json'), { maxBytes: MAX_PACKAGE_JSON_BYTES }).replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

function safeRead(file: string): string {
  try {
    return readTextFile(file);
  } catch {
    return '';
  }
}

/** One pattern per wrapper function whose parameter is passed on as the key. */
function wrapperPatterns(checks: readonly FlagCheck[]): WrapperPattern[] {
  const found = new Map<string, WrapperPattern>();
  const texts = new Map<string, string>();
  for (const check of checks) {
    if (check.key !== null || !check.dynamic?.reason.includes('function parameter')) continue;
    if (!texts.has(check.file)) texts.set(check.file, safeRead(check.file));
    const pattern = wrapperHint().wrapperPatternAt(check.file, texts.get(check.file)!, check.keyRange.start);
    if (pattern && !found.has(pattern.call)) found.set(pattern.call, pattern);
  }
  return [...found.values()];
}

function isWrapperBody(check: FlagCheck, pattern: WrapperPattern): boolean {
  if (!check.dynamic?.reason.includes('function parameter')) return false;
  const found = wrapperHint().wrapperPatternAt(check.file, safeRead(check.file), check.keyRange.start);
  return found?.call === pattern.call;
}

/** The installed package's schema when the project has it in node_modules, else the one beside this CLI. */
function schemaReference(root: string): string {
  const installed = path.join(root, 'node_modules/@flagsweep/analyzer/schema/flagsweep.schema.json');
  if (fs.existsSync(installed)) return './node_modules/@flagsweep/analyzer/schema/flagsweep.schema.json';
  const own = path.join(packageRoot(), 'schema/flagsweep.schema.json');
  return path.relative(root, own).split(path.sep).join('/');
}

/** Creates both files or neither: each is created exclusively (never replacing a file that appeared meanwhile). */
function writeNew(files: [string, string][]): void {
  const written: string[] = [];
  try {
    for (const [file, text] of files) {
      fs.writeFileSync(file, text, { flag: 'wx' });
      written.push(file);
    }
  } catch (e) {
    for (const file of written) fs.rmSync(file, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot write ${files[written.length][0]} (${code ?? String(e)}); nothing written`);
  }
}

/** Loaded on use: it needs TypeScript, which the other commands in this process should not pay for. */
function wrapperHint(): typeof import('../../keys/wrapper-hint') {
  return require('../../keys/wrapper-hint') as typeof import('../../keys/wrapper-hint');
}
