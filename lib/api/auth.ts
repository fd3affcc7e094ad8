import * as z from '@/lib/zod-mini';

/** RFC 6750 bearer token syntax (b64token): what a pasted or forwarded token may contain. */
export const BEARER_TOKEN_RE = /^[A-Za-z0-9\-._~+/]+=*$/;
export const MAX_TOKEN_LENGTH = 8192;

/** A pasted bearer token. Surrounding whitespace from a paste is forgiven; anything else is not a token. */
export const PastedTokenSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Paste a token.'),
    z.maxLength(MAX_TOKEN_LENGTH, `A token is at most ${MAX_TOKEN_LENGTH} characters.`),
    z.regex(BEARER_TOKEN_RE, 'That is not a bearer token (letters, digits and -._~+/ only).'),
  );

/** Body of POST /api/auth/signin. */
export const SignInBodySchema = z.object({ token: PastedTokenSchema });

/** Answer of POST /api/auth/signin: who the cluster says the token belongs to. Never the token. */
export const SignInResponseSchema = z.object({
  user: z.string(),
  groups: z.array(z.string()),
  verifiedBy: z.enum(['SelfSubjectReview', 'SelfSubjectAccessReview']),
  /** seconds since the epoch */
  expiresAt: z.number(),
});
export type SignInResponse = z.infer<typeof SignInResponseSchema>;

/** Answer of POST /api/auth/signout. */
export interface SignOutResponse {
  signedOut: true;
}

/** Why /signin was opened (`?reason=`): shown above the form. */
export const SignInReasonSchema = z.catch(z.enum(['expired', 'signed-out', 'required']), 'required');

/**
 * Where to go after signing in (`?next=`): a path on this site only. Anything else (`//evil`, `https://…`,
 * backslashes that browsers treat as slashes) falls back to /nodes, so /signin is never an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\') || /[\u0000-\u001f]/.test(next))
    return '/nodes';
  if (next.startsWith('/signin') || next.startsWith('/api/')) return '/nodes';
  return next;
}
