import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig, type ResolvedConfig } from '../../src/config';

export const FIXTURES = path.resolve(__dirname, '../../../test-fixtures/cleanup');

export interface FixtureCase {
  name: string;
  dir: string;
  inputFile: string;
  input: string;
  output: string;
  key: string;
  value?: unknown;
  config: ResolvedConfig;
  /** How many sites the case expects to be left for a person (default 0). */
  left: number;
}

interface CaseJson {
  key: string;
  value?: unknown;
  /** Config for this case; default: defaults.json beside the cases. */
  config?: Record<string, unknown>;
  left?: number;
}

export function loadFixtureCases(): FixtureCase[] {
  const defaults = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'defaults.json'), 'utf8'));
  return fs
    .readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = path.join(FIXTURES, d.name);
      const c = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as CaseJson;
      const input = fs.readdirSync(dir).find((f) => /^input\.[cm]?[jt]sx?$/.test(f));
      if (!input) throw new Error(`${dir}: no input.* file`);
      const output = `output${path.extname(input)}`;
      return {
        name: d.name,
        dir,
        inputFile: path.join(dir, input).replace(/\\/g, '/'),
        input: fs.readFileSync(path.join(dir, input), 'utf8'),
        output: fs.readFileSync(path.join(dir, output), 'utf8'),
        key: c.key,
        value: c.value,
        config: resolveConfig(c.config ?? defaults, dir),
        left: c.left ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
