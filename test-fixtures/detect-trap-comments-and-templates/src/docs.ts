declare const flags: { isEnabled(k: string): boolean };

// flags.isEnabled('in-line-comment')
/* flags.isEnabled('in-block-comment') */
/**
 * Example: flags.isEnabled('in-jsdoc')
 */
export const doc = `flags.isEnabled('in-template')`;
export const str = "flags.isEnabled('in-string')";
export const tpl = `prefix ${flags.isEnabled('inside-substitution')} suffix`;
