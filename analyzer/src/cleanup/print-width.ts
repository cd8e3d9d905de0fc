import * as path from 'node:path';
import { readTextFile } from '../fs/read';

/** How wide a project's lines may be, as its Prettier config says (Prettier's defaults otherwise). */
export interface LineWidth {
  printWidth: number;
  tabWidth: number;
}

export const PRETTIER_DEFAULT_WIDTH: LineWidth = { printWidth: 80, tabWidth: 2 };

const CONFIG_NAMES = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.json5',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.toml',
  '.prettierrc.js',
  '.prettierrc.cjs',
  '.prettierrc.mjs',
  '.prettierrc.ts',
  'prettier.config.js',
  'prettier.config.cjs',
  'prettier.config.mjs',
  'prettier.config.ts',
];
const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * Finds the Prettier config that applies to a file the way Prettier does (the nearest folder holding one, or a
 * `package.json` with a `prettier` field) and reads `printWidth` and `tabWidth` from its text. A JavaScript or
 * TypeScript config is read as text, never run: code from the repository being cleaned does not execute. A config
 * that names no width, a shared config (`"prettier": "@company/prettier-config"`), or one that cannot be read gives
 * Prettier's defaults.
 */
export class LineWidthFinder {
  private readonly byDir = new Map<string, LineWidth>();

  forFile(file: string): LineWidth {
    return this.forDir(path.dirname(path.resolve(file)));
  }

  private forDir(dir: string): LineWidth {
    const known = this.byDir.get(dir);
    if (known) return known;
    const parent = path.dirname(dir);
    const width = readConfigIn(dir) ?? (parent === dir ? PRETTIER_DEFAULT_WIDTH : this.forDir(parent));
    this.byDir.set(dir, width);
    return width;
  }
}

function readConfigIn(dir: string): LineWidth | undefined {
  for (const name of CONFIG_NAMES) {
    const text = readSmallFile(path.join(dir, name));
    if (text !== undefined) return widthsIn(text);
  }
  const pkg = readSmallFile(path.join(dir, 'package.json'));
  if (pkg === undefined) return undefined;
  try {
    const field = (JSON.parse(pkg) as { prettier?: unknown }).prettier;
    if (field === undefined) return undefined;
    return field !== null && typeof field === 'object' ? widthsIn(JSON.stringify(field)) : PRETTIER_DEFAULT_WIDTH;
  } catch {
    return undefined;
  }
}

function widthsIn(text: string): LineWidth {
  const number = (name: string): number | undefined => {
    const m = new RegExp(`["']?\\b${name}["']?\\s*[:=]\\s*(\\d{1,3})\\b`).exec(text);
    const n = m ? Number(m[1]) : NaN;
    return n >= 1 && n <= 400 ? n : undefined;
  };
  return { printWidth: number('printWidth') ?? PRETTIER_DEFAULT_WIDTH.printWidth, tabWidth: number('tabWidth') ?? PRETTIER_DEFAULT_WIDTH.tabWidth };
}

/** A regular file's text, or undefined when it is missing, not a regular file (a FIFO, a folder) or too large. */
function readSmallFile(file: string): string | undefined {
  try {
    return readTextFile(file, { maxBytes: MAX_CONFIG_BYTES });
  } catch {
    return undefined;
  }
}
