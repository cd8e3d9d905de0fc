import { strict as assert } from 'node:assert';
import { loadConfig } from '../../src/config';
import { scanProject } from '../../src/detect';
import { assertChecks, fixtureDir } from './expectations';

describe('detect: precision traps', () => {
  it('detect-trap-non-flag-object: same-named methods on other objects and SDK calls without the SDK import are not checks', async () => {
    const root = fixtureDir('detect-trap-non-flag-object');
    const result = await scanProject(loadConfig(root));
    assert.deepStrictEqual(result.checks, []);
    // The file quoting an SDK import in a comment passes the prefilter and is parsed, and still yields nothing.
    assert.equal(result.parsedFiles, 1);
  });

  it('detect-trap-comments-and-templates: code in comments, strings and template text is not a check; a call in a substitution is', async () => {
    const root = fixtureDir('detect-trap-comments-and-templates');
    const result = await scanProject(loadConfig(root));
    assertChecks(root, result.checks, [{ file: 'src/docs.ts', line: 10, column: 30, key: 'inside-substitution', kind: 'call', keyLine: 10, keyColumn: 46 }]);
  });

  it('detect-global-sdk: a preset listed in globalSdks matches without an import', async () => {
    const root = fixtureDir('detect-global-sdk');
    const result = await scanProject(loadConfig(root));
    assertChecks(root, result.checks, [
      { file: 'src/legacy.js', line: 3, column: 10, key: 'legacy-global', kind: 'call', sdk: 'posthog', evaluates: 'boolean' },
      { file: 'src/legacy.js', line: 3, column: 62, key: 'legacy-variant', kind: 'call', sdk: 'posthog', evaluates: 'value' },
      { file: 'src/legacy.js', line: 3, column: 106, key: 'hook-global', kind: 'call', sdk: 'posthog', evaluates: 'boolean' },
    ]);
  });

  it('detect-global-sdk: without globalSdks the same file has no checks', async () => {
    const root = fixtureDir('detect-global-sdk');
    const config = { ...loadConfig(root), globalSdks: [] };
    const result = await scanProject(config);
    assert.deepStrictEqual(result.checks, []);
  });
});
