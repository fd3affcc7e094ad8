import 'server-only';
import { AppError } from '@/lib/errors';
import { foreignHostMessage, hostAllowed, hostAllowlist, originAllowed } from './allowed-hosts';

/** @internal exported for its unit tests */
export class CrossOriginError extends AppError {
  constructor(message: string) {
    super('Forbidden', 403, message);
  }
}

/**
 * Refuses a cross-site mutation before anything else runs. The request must be addressed to an allowed host
 * (lib/security/allowed-hosts.ts; proxy.ts refuses other hosts first, this repeats it where it matters most),
 * and its `Origin` must name an allowed host too: never compared with the request's own Host, which a DNS
 * rebinding page controls. Browsers send `Origin` on every POST (Fetch standard); when it is missing we fall back
 * to `Sec-Fetch-Site` and refuse if neither proves the request came from our own pages. `Origin: null` (sandboxed
 * frames, some redirects) is refused. OWASP CSRF Prevention Cheat Sheet, "Verifying Origin With Standard Headers".
 */
export function assertSameOrigin(req: Request): void {
  const allowed = hostAllowlist();
  const host = req.headers.get('host') ?? new URL(req.url).host;
  if (!hostAllowed(allowed, host)) throw new CrossOriginError(foreignHostMessage(host));
  const origin = req.headers.get('origin');
  if (origin !== null) {
    if (!originAllowed(allowed, origin, new URL(req.url).protocol))
      throw new CrossOriginError(`Cross-origin request refused (Origin ${origin}).`);
    return;
  }
  const site = req.headers.get('sec-fetch-site');
  if (site === 'same-origin') return;
  throw new CrossOriginError(
    site ? `Cross-site request refused (Sec-Fetch-Site ${site}).` : 'Request without Origin refused.',
  );
}
