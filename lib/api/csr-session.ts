import * as z from '@/lib/zod-mini';

/**
 * The two CSR answers every page's header needs (pending-count badge, CSRF token for POSTs), apart from the
 * rest of the CSR wire contract so the shared layout loads only zod/mini (see lib/errors.ts).
 */
export const PendingCountResponseSchema = z.object({
  context: z.string(),
  pending: z.int(),
  nodeCount: z.int(),
  flood: z.boolean(),
});

export const CsrTokenResponseSchema = z.object({ token: z.string() });
