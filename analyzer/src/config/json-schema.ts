import * as z from 'zod/mini';
import { configSchema } from './schema';

/** The JSON Schema of flagsweep.config.json, generated from the runtime schema (the one definition). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://flagsweep.dev/schema/flagsweep.config.json',
    title: 'flagsweep configuration',
    description: 'Configuration shared by the flagsweep CLI, ESLint plugin and VS Code extension.',
  };
}
