import * as fs from 'node:fs';
import * as path from 'node:path';

/** Writes a report to --output (atomically) or stdout. */
export function writeReport(text: string, output: string | undefined): void {
  if (!output) {
    process.stdout.write(text);
    return;
  }
  const target = path.resolve(output);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, target);
}
