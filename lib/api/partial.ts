import * as z from '@/lib/zod-mini';

/**
 * A part of a response that may be missing while the rest is fine (metrics-server absent, pods forbidden…).
 * The page shows the part as unavailable with the reason instead of failing whole.
 */
export const PartAvailabilitySchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true) }),
  z.object({
    available: z.literal(false),
    reason: z.string(),
    code: z.int(),
    message: z.string(),
    hint: z.optional(z.string()),
  }),
]);
export type PartAvailability = z.infer<typeof PartAvailabilitySchema>;
