import 'server-only';
import { env } from '@/lib/env';
import { LOOPBACK_HOSTNAMES, parseHostPort } from '@/lib/domain/host-names';

/**
 * Whether the browser reached us over TLS. `next start` speaks plain http, so TLS means a proxy in front
 * (an Ingress, oauth2-proxy) that terminated it. Only that proxy's X-Forwarded-Proto says so, and we cannot
 * tell its header from one a client sent (Next gives route handlers no peer address), so the header counts only
 * when the operator declares the proxy with KD_TRUST_FORWARDED_PROTO=true (docs/security.md, "HTTPS behind a
 * proxy"). A lying header could only affect its sender's own response: browsers ignore HSTS received over http
 * (RFC 6797 §8.1) and drop Secure cookies set over http.
 */
export function servedOverTls(req: Request): boolean {
  if (!env().KD_TRUST_FORWARDED_PROTO) return false;
  // a chain of proxies may append; the first value is what the browser used
  const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}

/**
 * HSTS for one year on every response served over TLS. No includeSubDomains or preload: the dashboard does not
 * own its parent domain's other hosts.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Whether our cookies (kd_session, kd_csrf, kd-context) get `Secure`: always over TLS, and on every Host but a
 * loopback name, because behind a TLS-terminating proxy that does not set (or is not trusted for)
 * X-Forwarded-Proto the browser's side is still https. Plain http to 127.0.0.1/localhost (the demo, the tests)
 * gets no Secure flag, where some browsers would drop it. One rule for every cookie, so they never disagree.
 */
export function cookieIsSecure(req: Request): boolean {
  if (servedOverTls(req)) return true;
  const host = parseHostPort(req.headers.get('host') ?? new URL(req.url).host);
  return !host || !LOOPBACK_HOSTNAMES.includes(host.hostname);
}
