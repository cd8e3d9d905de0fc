import { z } from 'zod';

/**
 * One flag of the OpenFeature flagd flag-definition format
 * (https://flagd.dev/reference/flag-definitions/). Unknown fields are tolerated, as flagd does.
 */
const metadataValue = z.union([z.string(), z.number(), z.boolean()]);

export const flagdFlagSchema = z.looseObject({
  state: z.enum(['ENABLED', 'DISABLED']),
  variants: z.record(z.string(), z.unknown()).refine((v) => Object.keys(v).length > 0, 'expected at least one variant'),
  /** null (or absent) means "defer to the default written in code" (flagd 0.11+). */
  defaultVariant: z.string().nullable().optional(),
  targeting: z.record(z.string(), z.unknown()).optional(),
  metadata: z.record(z.string(), metadataValue).optional(),
});
export type FlagdFlag = z.infer<typeof flagdFlagSchema>;

export const flagdMetadataSchema = z.record(z.string(), metadataValue);
export const flagdEvaluatorsSchema = z.record(z.string(), z.unknown());
