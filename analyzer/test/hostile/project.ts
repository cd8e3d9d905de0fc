import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CHECKOUT_TS = [
  "import { OpenFeature } from '@openfeature/server-sdk';",
  'const client = OpenFeature.getClient();',
  "export const on = client.getBooleanValue('new-checkout', false);",
  '',
].join('\n');

/** A flag file with one expired flag; `owner` and `description` are written as given (control characters too). */
export function flagFile(meta: Record<string, string> = { owner: 'payments', expires: '2026-11-19' }): string {
  return JSON.stringify({ flags: { 'new-checkout': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on', metadata: meta } } }, null, 2);
}

/** A throw-away project: flagsweep.config.json, flags.flagd.json and src/checkout.ts unless overridden. */
export function makeProject(files: Record<string, string | null> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-hostile-')));
  const all: Record<string, string | null> = {
    'flagsweep.config.json': JSON.stringify({ include: ['src/**/*.{ts,js}'] }),
    'flags.flagd.json': flagFile(),
    'src/checkout.ts': CHECKOUT_TS,
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    if (text === null) continue;
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
