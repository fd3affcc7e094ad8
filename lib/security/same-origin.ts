import 'server-only';
import { AppError } from '@/lib/errors';

/** @internal exported for its unit tests */
export class CrossOriginError extends AppError {
  constructor(message: string) {
    super('Forbidden', 403, message);
  }
}

/**
 * Origins this request may come from: the URL the server saw, and the Host header with the request's scheme
 * (what the browser addressed). Forwarded headers are not trusted: a proxy that rewrites Host must also set Origin.
 */
function ownOrigins(req: Request): Set<string> {
  const url = new URL(req.url);
  const origins = new Set([url.origin]);
  const host = req.headers.get('host');
  if (host) origins.add(`${url.protocol}//${host}`);
  return origins;
}

/**
 * Refuses a cross-site mutation before anything else runs. Browsers send `Origin` on every POST (Fetch standard);
 * when it is missing we fall back to `Sec-Fetch-Site` and refuse if neither proves the request came from our own
 * pages. `Origin: null` (sandboxed frames, some redirects) is refused. OWASP CSRF Prevention Cheat Sheet,
 * "Verifying Origin With Standard Headers".
 */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get('origin');
  if (origin !== null) {
    if (!ownOrigins(req).has(origin)) throw new CrossOriginError(`Cross-origin request refused (Origin ${origin}).`);
    return;
  }
  const site = req.headers.get('sec-fetch-site');
  if (site === 'same-origin') return;
  throw new CrossOriginError(
    site ? `Cross-site request refused (Sec-Fetch-Site ${site}).` : 'Request without Origin refused.',
  );
}
