import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { cleanupFileText, cleanupFlag } from '../../src/cleanup';
import { checkReadsKey } from '../../src/cleanup/keys';
import { resolveConfig } from '../../src/config';
import { createDetectContext, detectFile } from '../../src/detect';

/** One regression test per defect class of issue 11 that the simplification and pruning rules fix. */
const ROOT = '/virtual/app';
const FILE = path.posix.join(ROOT, 'src/page.tsx');
const PATTERNS = [{ call: '*.isEnabled' }, { call: 'useFeature' }, { property: 'config.featureToggles' }];

async function clean(text: string, value: unknown, key = 'new-checkout', file = FILE): Promise<{ after: string; left: number }> {
  const config = resolveConfig({ patterns: PATTERNS }, ROOT);
  const r = await cleanupFlag({ config, key, value, scope: { kind: 'file', file }, readFile: (f) => (f === file ? text : undefined) });
  assert.deepEqual(r.errors, []);
  return { after: r.files[0]?.after ?? text, left: r.leftForHuman.length };
}

describe('cleanup rules: defect classes of issue 11', () => {
  describe('class 2: only flag registries lose entries', () => {
    it('keeps API payload fields named like the flag, removes the flag from test overrides and config maps', async () => {
      const { after } = await clean(
        [
          "api.post('/usage', { newCheckout: inUse, featureName: id });",
          'trackFeature({ newCheckout: true });',
          'mockFlags({ newCheckout: true, darkMode: false });',
          'config.featureToggles = { newCheckout: true, search: false };',
          "new InMemoryProvider({ 'new-checkout': { variants: { on: true }, defaultVariant: 'on' } });",
          '',
        ].join('\n'),
        true,
      );
      assert.match(after, /api\.post\('\/usage', \{ newCheckout: inUse, featureName: id \}\);/);
      assert.match(after, /trackFeature\(\{ newCheckout: true \}\);/);
      assert.match(after, /mockFlags\(\{ darkMode: false \}\);/);
      assert.match(after, /config\.featureToggles = \{ search: false \};/);
      assert.match(after, /new InMemoryProvider\(\{\}\);/);
    });
  });

  describe('class 3: types kept whole', () => {
    it('removes a required member from the interface of the file when its entry goes, keeps an entry typed from elsewhere', async () => {
      const text = [
        "import type { Remote } from './remote';",
        'interface Flags { newCheckout: boolean; darkMode: boolean }',
        'export const defaults: Flags = { newCheckout: true, darkMode: false };',
        'export const remote: Remote = { flags: { newCheckout: true } };',
        "export const on = client.isEnabled('new-checkout');",
        '',
      ].join('\n');
      const { after } = await clean(text, true);
      assert.match(after, /interface Flags \{ darkMode: boolean \}/);
      assert.match(after, /defaults: Flags = \{ darkMode: false \}/);
      assert.match(after, /remote: Remote = \{ flags: \{ newCheckout: true \} \}/, 'the declared type is not in the file: entry kept');
    });
  });

  describe('class 4: substituted values fold', () => {
    it('drops props and children that became undefined/false, keeps side effects of decided conditions', async () => {
      const text = [
        'export function A({ isAdmin }: P) {',
        "  const endIcon = client.isEnabled('new-checkout') ? <Icon /> : undefined;",
        "  if (refresh() || !client.isEnabled('new-checkout')) go();",
        "  return <B endIcon={endIcon} on={isAdmin && client.isEnabled('new-checkout')}>{isAdmin && client.isEnabled('new-checkout')}{null}</B>;",
        '}',
        '',
      ].join('\n');
      const { after } = await clean(text, false);
      assert.equal(after, ['export function A({ isAdmin }: P) {', '  refresh();', '  go();', '  return <B on={false}>{null}</B>;', '}', ''].join('\n'));
    });
    it('keeps an author-written {null} and x && true whose x may not be a boolean', async () => {
      const text = "export const a = <B>{null}{count && client.isEnabled('new-checkout')}</B>;\nexport const b = value && client.isEnabled('new-checkout');\n";
      const { after } = await clean(text, true);
      assert.equal(after, 'export const a = <B>{null}{count && true}</B>;\nexport const b = value && true;\n');
    });
  });

  describe('class 5: dead code and layout', () => {
    it('removes unread hook results (cascading) and unused trailing callback parameters', async () => {
      const text = [
        'export function C() {',
        '  const org = useOrg();',
        "  const inTrial = useTrial(org)?.status === 'trial';",
        '  const [open, setOpen] = useState(false);',
        "  const on = useFeature('new-checkout');",
        '  items.forEach((item, i) => (on ? show(item) : hide(i, open, inTrial, setOpen)));',
        '}',
        '',
      ].join('\n');
      const { after } = await clean(text, true);
      assert.equal(after, ['export function C() {', '  items.forEach((item) => show(item));', '}', ''].join('\n'));
    });
    it('drops the return; a taken early exit leaves last in a function', async () => {
      const text = "export function D() {\n  if (!client.isEnabled('new-checkout')) {\n    legacy();\n    return;\n  }\n  modern();\n}\n";
      const { after } = await clean(text, false);
      assert.equal(after, 'export function D() {\n  legacy();\n}\n');
    });
    it('removes the flag JSDoc tags and the blank first line a removal leaves in a block', async () => {
      const text = [
        '/** Loads. @flag new-checkout @expires 2026-01-01 */',
        'export function load() {',
        "  if (client.isEnabled('new-checkout')) {",
        '    return fresh();',
        '  }',
        '',
        '  return stale();',
        '}',
        '',
      ].join('\n');
      const { after } = await clean(text, false);
      assert.equal(after, ['/** Loads. */', 'export function load() {', '  return stale();', '}', ''].join('\n'));
    });
  });

  describe('class 6: var holding the flag', () => {
    it('inlines a var declared in the function body and read after it; leaves one declared in a block', async () => {
      const text = [
        'function a() {',
        "  var on = client.isEnabled('new-checkout');",
        "  return on ? 'new' : 'old';",
        '}',
        'function b(x) {',
        "  if (x) { var on = client.isEnabled('new-checkout'); }",
        "  return on ? 'new' : 'old';",
        '}',
        '',
      ].join('\n');
      const { after, left } = await clean(text, true, 'new-checkout', path.posix.join(ROOT, 'src/a.js'));
      assert.match(after, /function a\(\) \{\n {2}return 'new';\n\}/);
      assert.match(after, /var on = true;/);
      assert.equal(left, 1);
    });
    it('inlines a script global only when no other project file names it; leaves one a hoisted function reads', () => {
      const file = path.posix.join(ROOT, 'public/legacy.js');
      const text = "var newCheckout = client.isEnabled('new-checkout');\nvar render = () => (newCheckout ? 'new' : 'old');\n";
      const config = resolveConfig({ patterns: PATTERNS }, ROOT);
      const detect = createDetectContext(config);
      const run = (namedElsewhere: (name: string) => boolean) =>
        cleanupFileText({
          file,
          text,
          value: true,
          findChecks: (t) => detectFile(file, t, detect).checks.filter((c) => checkReadsKey(c, 'new-checkout')),
          patterns: config.patterns,
          overrideNames: new Set(),
          namedElsewhere,
        });
      assert.equal(run(() => false).text, "var render = () => 'new';\n");
      const kept = run((name) => name === 'newCheckout');
      assert.equal(kept.text, "var newCheckout = true;\nvar render = () => (newCheckout ? 'new' : 'old');\n");
      assert.equal(kept.left.length, 1);
    });
    it('a whole-project cleanup looks for the global in the other project files', async () => {
      const script = path.posix.join(ROOT, 'public/legacy.js');
      const other = path.posix.join(ROOT, 'public/other.js');
      const text = "var newCheckout = client.isEnabled('new-checkout');\nvar render = () => (newCheckout ? 'new' : 'old');\n";
      const config = resolveConfig({ patterns: PATTERNS }, ROOT);
      const run = async (otherText: string) => {
        const files: Record<string, string> = { [script]: text, [other]: otherText };
        const r = await cleanupFlag({ config, key: 'new-checkout', value: true, scope: { kind: 'project' }, readFile: (f) => files[f], projectFiles: [script, other] });
        assert.deepEqual(r.errors, []);
        return r.files.find((f) => f.file === script)?.after;
      };
      assert.equal(await run('render();\n'), "var render = () => 'new';\n");
      assert.equal(await run('if (newCheckout) render();\n'), "var newCheckout = true;\nvar render = () => (newCheckout ? 'new' : 'old');\n");
    });
  });
});
