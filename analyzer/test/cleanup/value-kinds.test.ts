import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { cleanupFlag } from '../../src/cleanup';
import { resolveConfig } from '../../src/config';

/** Regression tests for issue 11's value classes: 1 (wrong value kind), 7 (custom patterns' kinds), 8 (object values). */
const ROOT = '/virtual/value-kinds';
const FILE = path.posix.join(ROOT, 'src/a.ts');

async function clean(text: string, key: string, value: unknown, config: Record<string, unknown> = { sdks: ['growthbook'] }) {
  const r = await cleanupFlag({ config: resolveConfig(config, ROOT), key, value, scope: { kind: 'file', file: FILE }, readFile: (f) => (f === FILE ? text : undefined) });
  assert.deepEqual(r.errors, []);
  return { text: r.files[0]?.after ?? text, left: r.leftForHuman.map((s) => `${s.line}:${s.column} ${s.reason}`) };
}

const GB = "import { GrowthBook } from '@growthbook/growthbook';\n";

describe('cleanup: value kinds (class 1: a value that does not fit the read is left with the reason)', () => {
  it('a number read (default 0.1) given true is left, and says why', async () => {
    const text = `${GB}export const body = (gb: GrowthBook) => ({ temperature: gb.getFeatureValue('llm-temperature', 0.1) });\n`;
    const r = await clean(text, 'llm-temperature', true);
    assert.equal(r.text, text);
    assert.deepEqual(r.left, ['2:57 this check reads the flag as a number (`getFeatureValue`, default 0.1), but the value given is true']);
  });

  it('the same read given a number is substituted', async () => {
    const text = `${GB}export const body = (gb: GrowthBook) => ({ temperature: gb.getFeatureValue('llm-temperature', 0.1) });\n`;
    const r = await clean(text, 'llm-temperature', 0.7);
    assert.deepEqual(r.left, []);
    assert.match(r.text, /temperature: 0\.7 /);
  });

  it('an object read (its .title is used) takes only an object; a variant destructured takes no boolean', async () => {
    const obj = `${GB}export function title(gb: GrowthBook) {\n  const config = gb.getFeatureValue('banner', null);\n  return config.title;\n}\n`;
    assert.match((await clean(obj, 'banner', 'Sale')).left[0], /reads the flag as an object \(`getFeatureValue`, config `\.title` read\), but the value given is "Sale"/);
    const variant = "import { Unleash } from 'unleash-client';\nexport function copy(u: Unleash) {\n  const { payload } = u.getVariant('checkout');\n  return payload;\n}\n";
    const r = await clean(variant, 'checkout', true, { sdks: ['unleash'] });
    assert.equal(r.text, variant);
    assert.match(r.left[0], /reads the flag as a variant object \(`getVariant`\), but the value given is true/);
  });

  it('a string read (passed to JSON.parse) given an object is left; a boolean read given a string is left; boolean to boolean as before', async () => {
    const cfg = { sdks: [], patterns: [{ call: '*.read', evaluates: 'value' }, { call: '*.isEnabled' }] };
    const parse = 'export const rules = JSON.parse(client.read(\'rules\'));\n';
    assert.match((await clean(parse, 'rules', { a: 1 }, cfg)).left[0], /reads the flag as a string \(`read`, passed to JSON.parse\), but the value given is \{"a":1\}/);
    const gate = "export const on = client.isEnabled('new-nav') ? 'new' : 'old';\n";
    assert.match((await clean(gate, 'new-nav', 'on', cfg)).left[0], /reads the flag as a boolean .*but the value given is "on"/);
    assert.equal((await clean(gate, 'new-nav', true, cfg)).text, "export const on = 'new';\n");
  });
});

describe('cleanup: custom patterns read the kind they show (class 7)', () => {
  it('without a type, a string comparison makes the read a string read that folds', async () => {
    const text = "export const layout = flags.getStringValue('layout', 'control') === 'treatment' ? 'two' : 'one';\n";
    const r = await clean(text, 'layout', 'treatment', { sdks: [], patterns: [{ call: 'flags.getStringValue' }] });
    assert.deepEqual(r.left, []);
    assert.equal(r.text, "export const layout = 'two';\n");
  });

  it('"type": "string" in the config makes a read whose use tells nothing take a string, and refuse a boolean', async () => {
    const text = "export const banner = render(flags.get('banner-text'));\n";
    const typed = { sdks: [], patterns: [{ call: 'flags.get', key: 0, type: 'string' }] };
    assert.equal((await clean(text, 'banner-text', 'Spring sale', typed)).text, "export const banner = render('Spring sale');\n");
    assert.match((await clean(text, 'banner-text', true, typed)).left[0], /reads the flag as a string \(pattern type string\)/);
    const untyped = { sdks: [], patterns: [{ call: 'flags.get', key: 0 }] };
    assert.match((await clean(text, 'banner-text', 'Spring sale', untyped)).left[0], /reads the flag as a boolean/);
  });
});

describe('cleanup: object values are one const in the file (class 8)', () => {
  it('the const goes after the imports, is named from the variable, and every use names it', async () => {
    const text = `${GB}\nexport function a(gb: GrowthBook) {\n  const searchConfig = gb.getFeatureValue('search', { topK: 5 });\n  return run(searchConfig, searchConfig);\n}\n\nexport const b = (gb: GrowthBook) => use(gb.getFeatureValue('search', { topK: 5 }));\n`;
    const r = await clean(text, 'search', { topK: 8, 'max-age': 3 });
    assert.deepEqual(r.left, []);
    assert.equal(
      r.text,
      `${GB}\nconst searchConfig = { topK: 8, 'max-age': 3 };\n\nexport function a(gb: GrowthBook) {\n  return run(searchConfig, searchConfig);\n}\n\nexport const b = (gb: GrowthBook) => use(searchConfig);\n`,
    );
  });

  it('a name the file already uses is not taken; without a variable the key names it; a header comment stays on top', async () => {
    const text = `// Copyright header.\n\n/** Docs of a. */\nexport function a(flags: Flags, searchConfig: number) {\n  return go(flags.read('search-config'), searchConfig);\n}\n`;
    const r = await clean(text, 'search-config', { topK: 8 }, { sdks: [], patterns: [{ call: 'flags.read', evaluates: 'value' }] });
    assert.equal(r.text, `// Copyright header.\n\nconst searchConfig2 = { topK: 8 };\n\n/** Docs of a. */\nexport function a(flags: Flags, searchConfig: number) {\n  return go(searchConfig2, searchConfig);\n}\n`);
  });

  it('a primitive member read off the value folds, and then no const is written', async () => {
    const text = `${GB}export const k = (gb: GrowthBook) => gb.getFeatureValue('search', { topK: 5 }).topK * 2;\n`;
    assert.equal((await clean(text, 'search', { topK: 8 })).text, `${GB}export const k = (gb: GrowthBook) => 8 * 2;\n`);
  });

  it('no-semicolon, double-quote files get a const in their style, after a directive', async () => {
    const text = `"use client"\nexport const a = (gb) => show(gb.getFeatureValue("hero", {}))\n`;
    const r = await clean(text, 'hero', { title: "It's here", sizes: [1, 2] }, { sdks: ['growthbook'], globalSdks: ['growthbook'] });
    assert.equal(r.text, `"use client"\n\nconst hero = { title: "It's here", sizes: [1, 2] }\n\nexport const a = (gb) => show(hero)\n`);
  });
});

describe('cleanup: a read that shows no kind takes the kind the flag\'s other reads show', () => {
  const cfg = resolveConfig({ sdks: [], patterns: [{ call: 'useExperiment' }] }, ROOT);
  const a = path.posix.join(ROOT, 'src/Onboarding.tsx');
  const b = path.posix.join(ROOT, 'src/experiment.test.ts');
  const files: Record<string, string> = {
    [a]: "export const sources = () => useExperiment('onboarding.sources').split(',');\n",
    [b]: "export const read = () => renderHook(() => useExperiment('onboarding.sources'));\n",
  };
  const run = (value: unknown) => cleanupFlag({ config: cfg, key: 'onboarding.sources', value, scope: { kind: 'project' }, readFile: (f) => files[f], projectFiles: [a, b] });

  it('true is refused in both files, the second naming the read that showed the kind', async () => {
    const r = await run(true);
    assert.deepEqual(r.files, []);
    assert.deepEqual(
      r.leftForHuman.map((s) => `${path.posix.basename(s.file)}:${s.line} ${s.reason}`).sort(),
      [
        'Onboarding.tsx:1 this check reads the flag as a string (`useExperiment`, `.split()` called), but the value given is true',
        'experiment.test.ts:1 this check reads the flag as a string (as the read at src/Onboarding.tsx:1: `useExperiment`, `.split()` called), but the value given is true',
      ],
    );
  });

  it('a string is written in both', async () => {
    const r = await run('github,postgres');
    assert.deepEqual(r.leftForHuman, []);
    assert.deepEqual(r.files.map((f) => f.after).sort(), ["export const read = () => renderHook(() => 'github,postgres');\n", "export const sources = () => 'github,postgres'.split(',');\n"]);
  });
});

describe('cleanup: an object value missing a member the code dereferences', () => {
  it('the read is left for a person, the rest is cleaned', async () => {
    const text = `${GB}export function regions(gb: GrowthBook, id: string) {\n  const mtc = gb.getFeatureValue('mtc', { enabled: false, regions: [] });\n  return mtc.enabled && mtc.regions.includes(id);\n}\n`;
    const r = await clean(text, 'mtc', { enabled: true });
    assert.deepEqual(r.left, ['6:10 reads .regions.… of the flag, but the value given has no "regions": complete the value or clean by hand']);
    assert.equal(r.text, `${GB}\nconst mtc = { enabled: true };\n\nexport function regions(gb: GrowthBook, id: string) {\n  return mtc.regions.includes(id);\n}\n`);
    assert.deepEqual((await clean(text, 'mtc', { enabled: true, regions: ['eu'] })).left, []);
  });
});

describe('cleanup: a refused value keeps the tests\' overrides of the flag', () => {
  it('the object flag read as .enabled is left, and so is the mock in the test', async () => {
    const cfg = resolveConfig({ sdks: [], patterns: [{ hook: 'useFlags' }] }, ROOT);
    const a = path.posix.join(ROOT, 'src/Panel.tsx');
    const b = path.posix.join(ROOT, 'src/Panel.test.tsx');
    const files: Record<string, string> = {
      [a]: 'export function Panel() {\n  const flags = useFlags();\n  return flags.mtc?.enabled ? <New /> : <Old />;\n}\n',
      [b]: "render(<Panel />, { flags: { mtc: { enabled: true }, other: true } });\n",
    };
    const run = (value: unknown) => cleanupFlag({ config: cfg, key: 'mtc', value, scope: { kind: 'project' }, readFile: (f) => files[f], projectFiles: [a, b] });
    const refused = await run(true);
    assert.deepEqual(refused.files, []);
    assert.match(refused.leftForHuman[0].reason, /reads the flag as an object \(`\.enabled` read\), but the value given is true/);
    const fitting = await run({ enabled: true });
    assert.deepEqual(fitting.leftForHuman, []);
    assert.deepEqual(fitting.files.map((f) => f.after).sort(), ['export function Panel() {\n  return <New />;\n}\n', 'render(<Panel />, { flags: { other: true } });\n']);
  });
});

describe('cleanup: an …Async read that is not awaited is a Promise', () => {
  const cfg = { sdks: [], patterns: [{ call: '*.getValueAsync', default: 1 }] };
  it('is left for a person when its Promise is kept; awaited or returned from an async function it is cleaned', async () => {
    const kept = "export const metrics = { isEnabled: () => client.getValueAsync('metrics', false, {}) };\n";
    const r = await clean(kept, 'metrics', true, cfg);
    assert.equal(r.text, kept);
    assert.deepEqual(r.left, ['1:43 `getValueAsync` returns a Promise and this read does not await it: a plain value would not fit; clean by hand']);
    const then = "client.getValueAsync('metrics', false, {}).then((on) => log(on));\n";
    assert.equal((await clean(then, 'metrics', true, cfg)).left.length, 1);
    const awaited = "export async function on() {\n  if (await client.getValueAsync('metrics', false, {})) return 1;\n  return client.getValueAsync('metrics', false, {});\n}\n";
    const done = await clean(awaited, 'metrics', true, cfg);
    assert.deepEqual(done.left, []);
    assert.equal(done.text, 'export async function on() {\n  return 1;\n}\n');
  });
});

describe('cleanup: object values read through nested members', () => {
  it('a chain of member reads folds to the primitive; a member name elsewhere does not block the const name', async () => {
    const text = `${GB}export function banner(gb: GrowthBook, prefs: Prefs) {\n  const mainBanner = gb.getFeatureValue('main-banner', {});\n  return [mainBanner.link.url, prefs.mainBanner, Object.keys(mainBanner.link)];\n}\n`;
    const r = await clean(text, 'main-banner', { link: { url: 'https://x' } });
    assert.equal(r.text, `${GB}\nconst mainBanner = { link: { url: 'https://x' } };\n\nexport function banner(gb: GrowthBook, prefs: Prefs) {\n  return ['https://x', prefs.mainBanner, Object.keys(mainBanner.link)];\n}\n`);
  });
});

describe('cleanup: a flag handed to a schema parser is no boolean', () => {
  it('true is left (airbyte: useExperiment(…) passed to safeParse); an object is written', async () => {
    const text = "export function ips() {\n  const value = useExperiment('cloud-ips');\n  return schema.safeParse(value);\n}\n";
    const cfg = { sdks: [], patterns: [{ call: 'useExperiment' }] };
    assert.deepEqual((await clean(text, 'cloud-ips', true, cfg)).left, ['2:17 this check reads the flag as a JSON value (not a boolean) (`useExperiment`, value passed to a schema parser (`.safeParse()`)), but the value given is true']);
    assert.equal((await clean(text, 'cloud-ips', { auto: ['1.2.3.4'] }, cfg)).text, "const cloudIps = { auto: ['1.2.3.4'] };\n\nexport function ips() {\n  return schema.safeParse(cloudIps);\n}\n");
  });
});
