import { applyEdits, modify, parseTree, findNodeAtLocation, type ParseError } from 'jsonc-parser';

/**
 * Removes `flags.<key>` from a flagd definition file as a text edit: the rest of the file keeps its formatting.
 * Returns the text unchanged when the flag is not defined, and an error when the file is not valid JSON.
 */
export function removeFlagDefinition(text: string, key: string): { text: string; error?: string } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (!tree || errors.length > 0) return { text, error: 'not valid JSON: the flag definition was not removed' };
  if (!findNodeAtLocation(tree, ['flags', key])) return { text };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits = modify(text, ['flags', key], undefined, { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
  return { text: applyEdits(text, edits) };
}
