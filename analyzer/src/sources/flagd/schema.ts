import * as z from 'zod/mini';
import '../../config/zod';

/**
 * One flag of the OpenFeature flagd flag-definition format
 * (https://flagd.dev/reference/flag-definitions/). Unknown fields are tolerated, as flagd does.
 */
const metadataValue = z.union([z.string(), z.number(), z.boolean()]);

export const flagdFlagSchema = z.looseObject({
  state: z.enum(['ENABLED', 'DISABLED']),
  variants: z.record(z.string(), z.unknown()).check(z.refine((v) => Object.keys(v).length > 0, 'expected at least one variant')),
  /** null (or absent) means "defer to the default written in code" (flagd 0.11+). */
  defaultVariant: z.optional(z.nullable(z.string())),
  targeting: z.optional(z.record(z.string(), z.unknown())),
  metadata: z.optional(z.record(z.string(), metadataValue)),
});
export type FlagdFlag = z.infer<typeof flagdFlagSchema>;

export const flagdMetadataSchema = z.record(z.string(), metadataValue);
export const flagdEvaluatorsSchema = z.record(z.string(), z.unknown());
