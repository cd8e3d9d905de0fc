import * as z from 'zod/mini';
import { en } from 'zod/locales';

// zod/mini is zod's tree-shakable build: bundled, it costs about 100 KB and a few milliseconds to load where zod's
// classic build costs ~1 MB and ~50 ms (every ESLint run and every CLI start pays that). It carries no messages of
// its own: the English ones are those flagsweep's config and flag-file errors quote. Modules that define schemas
// import this one (and `zod/mini` themselves: a namespace passed on whole would keep all of zod in a bundle).
z.config(en());

/** `schema` with a description (the JSON Schema's `description`). */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}
