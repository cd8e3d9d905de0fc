import * as assert from 'node:assert/strict';
import { code, commandLink, escapeMarkdown, inlineCodeText } from '../../src/mapping/markdown';

describe('markdown escaping', () => {
  it('escapes link, HTML and emphasis syntax', () => {
    assert.equal(escapeMarkdown('[a](command:x) <b> *c*'), '\\[a\\]\\(command:x\\) \\<b\\> \\*c\\*');
  });
  it('fences code spans around backticks', () => {
    assert.equal(code('a`b'), '`` a`b ``');
    assert.equal(code('true'), '`true`');
  });
  it('keeps backtick pairs of core messages as code and escapes the rest', () => {
    assert.equal(inlineCodeText('serves `true` to [all]'), 'serves `true` to \\[all\\]');
    assert.equal(inlineCodeText('odd ` tick'), 'odd \\` tick');
  });
  it('builds command links with JSON arguments', () => {
    assert.equal(commandLink('Go', 'flagsweep.refresh', [{ a: 1 }]), '[Go](command:flagsweep.refresh?%5B%7B%22a%22%3A1%7D%5D "Go")');
  });
});
