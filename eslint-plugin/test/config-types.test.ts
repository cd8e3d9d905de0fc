import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const TSC = path.join(REPO, 'node_modules/typescript/bin/tsc');

// An `eslint.config.ts` (and a `// @ts-check` config) type-checks against ESLint's own types: the plugin and its
// configs are typed as ESLint.Plugin and Linter.Config, not with typescript-eslint's look-alikes.
describe('the plugin types with ESLint 10 (built plugin)', function () {
  this.timeout(120_000);

  it('an eslint.config.ts using defineConfig and Linter.Config[] with the recommended config compiles', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-eslint-types-'));
    try {
      fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      fs.writeFileSync(
        path.join(dir, 'eslint.config.ts'),
        [
          "import type { Linter } from 'eslint';",
          "import { defineConfig } from 'eslint/config';",
          "import flagsweep from 'eslint-plugin-flagsweep';",
          '',
          'export const asArray: Linter.Config[] = [flagsweep.configs.recommended];',
          "export default defineConfig([{ files: ['**/*.ts'] }, flagsweep.configs.recommended]);",
          '',
        ].join('\n'),
      );
      fs.writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'preserve', moduleResolution: 'bundler', esModuleInterop: true, skipLibCheck: false, types: [] }, files: ['eslint.config.ts'] }),
      );
      const run = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
      assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
