import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import * as api from '../../src/index';
import * as words from '../../src/words';
import * as session from '../../src/session';
import { TOOL_VERSION } from '../../src/tool-version';

const ROOT = path.resolve(__dirname, '../..');
const REPO = path.resolve(ROOT, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Every runtime name of `@flagsweep/analyzer`: a change here is a change of the public API, made on purpose. */
const PUBLIC_RUNTIME_EXPORTS = [
  'CONFIG_FILE_NAME', 'CONFIG_FILE_NAMES', 'ConfigError', 'FLAG_STATUSES', 'FileReadError', 'JSON_REPORT_VERSION', 'KEY_CASES',
  'REPORTERS', 'REPORT_FORMATS', 'TOOL_VERSION', 'analyze', 'buildRecords', 'camelCaseKey', 'canonicalKeys', 'catastrophicBacktracking',
  'cleanupDryRunLines', 'cleanupFlag', 'collectDebt', 'compilePatterns', 'configJsonSchema', 'coversFile', 'createDetectContext',
  'createSource', 'daysBetween', 'detectFile', 'detectInSourceFile', 'editDistance', 'findConfigFile', 'findFlagdKeyRange', 'formatDay',
  'formatValue', 'listSourceFiles', 'listSourceFilesSync', 'loadConfig', 'mayContainFlagCheck', 'mergeSnapshots', 'nearestKey',
  'parseFlagdDocument', 'parseInstant', 'parseIsoDate', 'parseSource', 'parseToday', 'readTextFile', 'relativeDays', 'renderHtml',
  'resolveConfig', 'scanProject', 'scriptKindFor', 'servesToEveryone', 'sourceLabel', 'stateInWords', 'toJsonReport', 'unifiedDiff',
  'verifyChanges', 'winningValue', 'withDebt',
  'KEY_VIOLATION_MESSAGES', 'keyViolationMessage', 'keyViolations', 'namingFindings', 'violationData',
].sort();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'dist', 'out', 'fixtures'].includes(e.name) ? [] : sourceFiles(p);
    return /\.(ts|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

describe('the public API of @flagsweep/analyzer', () => {
  it('`.` exports a curated list, not every barrel', () => {
    assert.deepEqual(Object.keys(api).sort(), PUBLIC_RUNTIME_EXPORTS);
  });

  it('every front end imports only what `.` or `./words` export', () => {
    const offered: Record<string, Set<string>> = { '@flagsweep/analyzer': new Set(Object.keys(api)), '@flagsweep/analyzer/words': new Set(Object.keys(words)), '@flagsweep/analyzer/session': new Set(Object.keys(session)) };
    const missing: string[] = [];
    for (const dir of ['eslint-plugin/src', 'extension/src']) {
      for (const file of sourceFiles(path.join(REPO, dir))) {
        const text = fs.readFileSync(file, 'utf8');
        for (const m of text.matchAll(/(?:import|export)\s+(type\s+)?\{([^}]*)\}\s+from\s+'(@flagsweep\/analyzer[^']*)'/g)) {
          if (m[1]) continue; // type-only: checked by tsc
          const names = m[2].split(',').map((s) => s.trim()).filter((s) => s && !s.startsWith('type ')).map((s) => s.split(/\s+as\s+/)[0]);
          for (const n of names) if (!offered[m[3]]?.has(n)) missing.push(`${path.relative(REPO, file)}: ${n} from ${m[3]}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  it('no deep import of dist/ anywhere in the front ends, and the exports map offers no dist/ path', () => {
    const deep = ['eslint-plugin/src', 'eslint-plugin/test', 'extension/src', 'extension/test', 'analyzer/src']
      .flatMap((dir) => sourceFiles(path.join(REPO, dir)))
      .filter((f) => /@flagsweep\/analyzer\/dist\//.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(REPO, f));
    assert.deepEqual(deep, []);
    assert.deepEqual(Object.keys(pkg.exports).sort(), ['.', './package.json', './schema/flagsweep.schema.json', './session', './words']);
    assert.deepEqual(pkg.exports['./session'], { types: './dist/session/index.d.ts', default: './dist/session/index.js' });
    assert.deepEqual(pkg.exports['./words'], { types: './dist/words.d.ts', default: './dist/words.js' });
  });

  it('`./words` is dependency-free: bundling it pulls in no package and no Node module', async () => {
    const built = await esbuild.build({ entryPoints: [path.join(ROOT, 'src/words.ts')], bundle: true, write: false, platform: 'neutral', metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(built.metafile.inputs);
    assert.ok(inputs.length > 0);
    assert.deepEqual(inputs.filter((f) => !f.startsWith('src/') || f.includes('node_modules')), []);
    assert.deepEqual(Object.values(built.metafile.outputs).flatMap((o) => o.imports), []);
  });

  it('reports carry the version from package.json', () => {
    assert.equal(TOOL_VERSION, pkg.version);
    assert.match(TOOL_VERSION, /^\d+\.\d+\.\d+/);
  });

  it('REPORTERS has one reporter per format the report command offers', () => {
    assert.deepEqual(api.REPORT_FORMATS, ['text', 'json', 'markdown', 'html', 'sarif', 'csv']);
    for (const f of api.REPORT_FORMATS) assert.equal(typeof api.REPORTERS[f], 'function');
  });
});
