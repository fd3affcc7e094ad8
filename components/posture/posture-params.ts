import * as z from '@/lib/zod-mini';

/**
 * The /posture view state lives in the URL (`/posture?selector=…&check=…`), so a filtered view or an open check
 * can be shared and reloads identically. Parsing never throws: a value we do not understand falls back to its
 * default (the server still validates what it is sent).
 */
export interface PostureParams {
  /** label selector narrowing the fleet */
  selector?: string;
  /** the check whose nodes are shown */
  check?: string;
}

const Schema = z.object({
  selector: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(1024))), undefined),
  check: z.catch(z.optional(z.string().check(z.regex(/^(4\.[12]\.\d{1,2}|V-\d{6})$/))), undefined),
});

export function parsePostureParams(params: { get(name: string): string | null }): PostureParams {
  const parsed = Schema.parse({
    selector: params.get('selector') ?? undefined,
    check: params.get('check') ?? undefined,
  });
  return {
    ...(parsed.selector ? { selector: parsed.selector } : {}),
    ...(parsed.check ? { check: parsed.check } : {}),
  };
}

/** The query string of a view ("" for the default); selector first, as people read it. */
export function serializePostureParams(p: PostureParams): string {
  const q = new URLSearchParams();
  if (p.selector?.trim()) q.set('selector', p.selector.trim());
  if (p.check) q.set('check', p.check);
  return q.toString();
}

/** Where a download of the (filtered) fleet posture comes from. */
export function postureExportHref(p: PostureParams, format: 'json' | 'csv' | 'sarif'): string {
  const q = new URLSearchParams({ view: 'full', format });
  if (p.selector?.trim()) q.set('selector', p.selector.trim());
  return `/api/posture?${q.toString()}`;
}
