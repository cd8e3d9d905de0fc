// The packages as a user gets them: `npm pack` the analyzer and the ESLint plugin, install the tarballs into a
// fresh project outside the workspace, and run the CLI and ESLint there through npx. Catches what workspace links
// hide: files missing from `files`, an `exports` map that blocks an import, a dependency only the workspace has.
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../..');
const DEMO = path.join(REPO, 'test-fixtures/demo-app');
const NOW = '2026-11-22';

function run(cmd, args, cwd, extraEnv = {}) {
  const env = { ...process.env, NO_COLOR: '1', FLAGSWEEP_NOW: '', npm_config_yes: 'true', npm_config_update_notifier: 'false', ...extraEnv };
  delete env.FORCE_COLOR;
  // npm's own workspace settings must not leak into the scratch project.
  for (const k of Object.keys(env)) if (/^npm_config_(workspace|prefix|global)/i.test(k) || k === 'INIT_CWD') delete env[k];
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

describe('install test: packed tarballs in a fresh project outside the workspace', function () {
  this.timeout(300_000);
  let project;
  const flagsweep = (...args) => run('npx', ['--no-install', 'flagsweep', ...args], project);

  before(function () {
    for (const pkg of ['analyzer', 'eslint-plugin']) {
      assert.ok(fs.existsSync(path.join(REPO, pkg, 'dist/index.js')), `${pkg}/dist is missing: run "npm run build" first`);
    }
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'flagsweep-install-'));
    const tarballs = path.join(scratch, 'tarballs');
    fs.mkdirSync(tarballs);
    const pack = run('npm', ['pack', '--workspace', 'analyzer', '--workspace', 'eslint-plugin', '--pack-destination', tarballs, '--silent'], REPO);
    assert.equal(pack.status, 0, pack.stderr);
    const [analyzerTgz, pluginTgz] = ['flagsweep-analyzer-', 'eslint-plugin-flagsweep-'].map((prefix) => {
      const name = fs.readdirSync(tarballs).find((f) => f.startsWith(prefix));
      assert.ok(name, `no ${prefix}*.tgz in ${fs.readdirSync(tarballs)}`);
      return path.join(tarballs, name);
    });

    // The demo app without its flagsweep files: init has to produce them.
    project = path.join(scratch, 'shop');
    fs.cpSync(path.join(DEMO, 'src'), path.join(project, 'src'), { recursive: true });
    fs.copyFileSync(path.join(DEMO, 'tsconfig.json'), path.join(project, 'tsconfig.json'));
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'shop', private: true, version: '1.0.0' }, null, 2));
    const eslintVersion = require(path.join(REPO, 'node_modules/eslint/package.json')).version;
    const parserVersion = require(path.join(REPO, 'node_modules/@typescript-eslint/parser/package.json')).version;
    const install = run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--save-dev', analyzerTgz, pluginTgz, `eslint@${eslintVersion}`, `@typescript-eslint/parser@${parserVersion}`],
      project,
    );
    assert.equal(install.status, 0, install.stderr);
    fs.writeFileSync(
      path.join(project, 'eslint.config.mjs'),
      [
        "import flagsweep from 'eslint-plugin-flagsweep';",
        "import tsParser from '@typescript-eslint/parser';",
        'export default [',
        "  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser } },",
        '  flagsweep.configs.recommended,',
        `  { settings: { flagsweep: { now: '${NOW}' } } },`,
        '];',
        '',
      ].join('\n'),
    );
  });

  it('installs real packages, not workspace links, with the public entry points and nothing else', () => {
    const installed = path.join(project, 'node_modules/@flagsweep/analyzer');
    assert.ok(!fs.lstatSync(installed).isSymbolicLink());
    const probe = run(
      process.execPath,
      [
        '-e',
        `const a = require('@flagsweep/analyzer'); const p = require('eslint-plugin-flagsweep');
         let blocked = '';
         try { require('@flagsweep/analyzer/dist/cleanup/engine'); } catch (e) { blocked = e.code; }
         console.log(JSON.stringify({ loadConfig: typeof a.loadConfig, rules: Object.keys(p.rules).length, blocked,
           schema: require.resolve('@flagsweep/analyzer/schema/flagsweep.schema.json').endsWith('flagsweep.schema.json') }));`,
      ],
      project,
    );
    assert.equal(probe.status, 0, probe.stderr);
    assert.deepEqual(JSON.parse(probe.stdout), { loadConfig: 'function', rules: 7, blocked: 'ERR_PACKAGE_PATH_NOT_EXPORTED', schema: true });
    for (const pkg of ['@flagsweep/analyzer', 'eslint-plugin-flagsweep']) {
      const dir = path.join(project, 'node_modules', pkg);
      for (const f of ['LICENSE', 'CHANGELOG.md', 'dist/index.d.ts']) assert.ok(fs.existsSync(path.join(dir, f)), `${pkg}/${f}`);
      assert.ok(!fs.existsSync(path.join(dir, 'src')) && !fs.existsSync(path.join(dir, 'test')), `${pkg} ships no src/ or test/`);
    }
  });

  it('every shipped source map carries its sources (no map points at a file that is not there)', () => {
    let maps = 0;
    for (const pkg of ['@flagsweep/analyzer', 'eslint-plugin-flagsweep']) {
      const dist = path.join(project, 'node_modules', pkg, 'dist');
      for (const file of fs.readdirSync(dist, { recursive: true }).filter((f) => f.endsWith('.map'))) {
        const map = JSON.parse(fs.readFileSync(path.join(dist, file), 'utf8'));
        maps++;
        map.sources.forEach((source, i) => {
          const there = fs.existsSync(path.resolve(path.dirname(path.join(dist, file)), map.sourceRoot ?? '', source));
          assert.ok(there || typeof map.sourcesContent?.[i] === 'string', `${pkg}/dist/${file}: ${source} is neither shipped nor inlined`);
        });
      }
    }
    assert.ok(maps > 50, `${maps} maps`);
  });

  it('npx flagsweep init writes the config and the flag file; a second run refuses', () => {
    const init = flagsweep('init');
    assert.equal(init.status, 0, init.stderr);
    assert.match(init.stdout, /^SDKs: openfeature, launchdarkly, unleash\nwrapper: isFeatureOn \(key argument 0\) added to patterns\nwrote flagsweep\.config\.jsonc\nwrote flags\.flagd\.json \(7 flags found\)\n/);
    const config = fs.readFileSync(path.join(project, 'flagsweep.config.jsonc'), 'utf8');
    assert.match(config, /"\$schema": "\.\/node_modules\/@flagsweep\/analyzer\/schema\/flagsweep\.schema\.json"/);
    const again = flagsweep('init');
    assert.equal(again.status, 2);
    assert.match(again.stderr, /^flagsweep: .*flagsweep\.config\.jsonc already exists; init writes nothing/);
  });

  it('npx flagsweep scan and check read the JSONC config and gate on the expired flag', () => {
    const scan = flagsweep('scan', '--now', NOW);
    assert.equal(scan.status, 0, scan.stderr);
    assert.match(scan.stdout, /^flagsweep: 7 flags, 7 usages/);
    assert.match(scan.stdout, /EXPIRED: past their expiry date, remove them \(1\)\n  new-checkout /);
    const check = flagsweep('check', '--now', NOW);
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /new-checkout/);
    assert.match(check.stdout, /src\/web\/CheckoutPage\.tsx:7:23/);
    const pass = flagsweep('check', '--now', '2026-11-01');
    assert.equal(pass.status, 0, pass.stdout + pass.stderr);
  });

  it('npx flagsweep cleanup --dry-run prints the diff and writes nothing', () => {
    const before = fs.readFileSync(path.join(project, 'src/web/CheckoutPage.tsx'), 'utf8');
    const cleanup = flagsweep('cleanup', 'new-checkout', '--value', 'true', '--dry-run');
    assert.equal(cleanup.status, 0, cleanup.stdout + cleanup.stderr);
    assert.match(cleanup.stdout, /--- a\/src\/web\/CheckoutPage\.tsx/);
    assert.match(cleanup.stdout, /^-.*new-checkout|^-.*NEW_CHECKOUT/m);
    assert.equal(fs.readFileSync(path.join(project, 'src/web/CheckoutPage.tsx'), 'utf8'), before);
  });

  it('npx eslint . runs the plugin with the options from flagsweep.config.jsonc', () => {
    const eslint = run('npx', ['--no-install', 'eslint', '.', '--format', 'json'], project);
    assert.equal(eslint.status, 1, eslint.stderr);
    const results = JSON.parse(eslint.stdout);
    const messages = results.flatMap((r) => r.messages.map((m) => `${path.relative(project, r.filePath)}:${m.line} ${m.ruleId}`));
    assert.ok(messages.includes('src/web/CheckoutPage.tsx:7 flagsweep/no-expired-flag'), messages.join('\n'));
    assert.ok(!messages.some((m) => m.endsWith(' null')), `no parse or config errors: ${messages.join('\n')}`);
  });
});
