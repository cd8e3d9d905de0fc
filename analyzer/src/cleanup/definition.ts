import { findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';

/**
 * Removes `flags.<key>` from a flagd definition file as one text edit: the property, its comma and the line
 * break before the next property go; every other byte of the file stays. Returns the text unchanged when the flag
 * is not defined, and an error when the file is not valid JSON.
 */
export function removeFlagDefinition(text: string, key: string): { text: string; error?: string } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (!tree || errors.length > 0) return { text, error: 'not valid JSON: the flag definition was not removed' };
  const flags = findNodeAtLocation(tree, ['flags']);
  const value = findNodeAtLocation(tree, ['flags', key]);
  if (!flags || flags.type !== 'object' || !value?.parent) return { text };
  const props = flags.children ?? [];
  const prop = value.parent;
  const i = props.indexOf(prop);
  let start: number;
  let end: number;
  if (props.length === 1) {
    start = flags.offset + 1;
    end = flags.offset + flags.length - 1;
  } else if (i < props.length - 1) {
    start = prop.offset;
    end = props[i + 1].offset;
  } else {
    const prev = props[i - 1];
    start = prev.offset + prev.length;
    end = prop.offset + prop.length;
  }
  return { text: text.slice(0, start) + text.slice(end) };
}
