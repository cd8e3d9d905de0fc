import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import plugin from '../src/index';

const DOCS = path.resolve(__dirname, '../docs/rules');
const REQUIRED_SECTIONS = ['## Rule details', '## Options', '## Examples', '## When not to use it'];
const ruleNames = Object.keys(plugin.rules);

describe('rule docs and configs', () => {
  it('has one rule file per rule and one docs page per rule, nothing extra', () => {
    const ruleFiles = fs.readdirSync(path.resolve(__dirname, '../src/rules')).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(ruleFiles.sort(), [...ruleNames].sort());
    assert.deepEqual(fs.readdirSync(DOCS).map((f) => f.replace(/\.md$/, '')).sort(), [...ruleNames].sort());
  });

  for (const name of ruleNames) {
    describe(name, () => {
      const rule = plugin.rules[name as keyof typeof plugin.rules];
      const page = fs.existsSync(path.join(DOCS, `${name}.md`)) ? fs.readFileSync(path.join(DOCS, `${name}.md`), 'utf8') : '';

      it('has a docs page titled with the rule name and its description', () => {
        assert.ok(page.startsWith(`# ${name}\n`), `docs/rules/${name}.md starts with "# ${name}"`);
        assert.ok(page.includes(rule.meta.docs!.description), 'the page repeats meta.docs.description');
      });

      it('has the standard sections, in order', () => {
        const positions = REQUIRED_SECTIONS.map((s) => page.indexOf(`\n${s}\n`));
        assert.ok(positions.every((p) => p > 0), `sections present: ${REQUIRED_SECTIONS.filter((_, i) => positions[i] < 0).join(', ') || 'all'}`);
        assert.deepEqual([...positions].sort((a, b) => a - b), positions);
      });

      it('shows incorrect and correct code', () => {
        assert.match(page, /### Incorrect[\s\S]*```(ts|tsx|js|jsx)\n[\s\S]*### Correct[\s\S]*```(ts|tsx|js|jsx)\n/);
      });

      it('documents every message', () => {
        for (const id of Object.keys(rule.meta.messages)) assert.ok(page.includes(`\`${id}\``), `messageId \`${id}\` is documented`);
      });

      it('links to its docs page and has a strict options schema', () => {
        assert.equal(rule.meta.docs!.url, `https://github.com/flagsweep/flagsweep/blob/main/eslint-plugin/docs/rules/${name}.md`);
        const schema = rule.meta.schema as { additionalProperties?: boolean }[];
        assert.ok(Array.isArray(schema));
        for (const option of schema) assert.equal(option.additionalProperties, false);
      });

      it('is in the recommended config at its documented severity', () => {
        assert.equal(plugin.configs.recommended.rules?.[`flagsweep/${name}`], rule.meta.docs!.recommended);
        assert.ok(page.includes(`\`${rule.meta.docs!.recommended}\``), 'the page states the recommended severity');
      });
    });
  }

  it('recommended lists exactly the plugin rules, expired flags as errors and expiring ones as warnings', () => {
    const rules = plugin.configs.recommended.rules ?? {};
    assert.deepEqual(Object.keys(rules).sort(), ruleNames.map((n) => `flagsweep/${n}`).sort());
    assert.equal(rules['flagsweep/no-expired-flag'], 'error');
    assert.equal(rules['flagsweep/flag-expiring-soon'], 'warn');
    assert.equal(plugin.configs.recommended.plugins?.flagsweep, plugin);
  });
});
