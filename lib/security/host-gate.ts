import 'server-only';
import { AppError } from '@/lib/errors';
import { foreignHostMessage, hostAllowed, hostAllowlist } from './allowed-hosts';

/**
 * Probes and scrapers address the pod by IP (the kubelet sends `Host: <pod IP>:<port>`, Prometheus likewise),
 * which no allowlist can know in advance. These three answer fixed text or counters, the same to anyone who can
 * reach the port, with no cluster data, no user data and no credentials used, so a rebinding page learns nothing
 * it could not learn by connecting itself (docs/security.md, "DNS rebinding and allowed hosts").
 */
const ANY_HOST_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

const text = (status: number, body: string) =>
  new Response(`${body}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/**
 * The first check of every request (proxy.ts): 403 with one line naming KD_ALLOWED_HOSTS unless `Host` is
 * allowed (lib/security/allowed-hosts.ts), 503 naming the setting when the allowlist cannot be built.
 */
export function refuseForeignHost(req: Request, pathname: string): Response | undefined {
  if (ANY_HOST_PATHS.has(pathname)) return undefined;
  let allowed;
  try {
    allowed = hostAllowlist();
  } catch (err) {
    if (err instanceof AppError) return text(503, err.message.replace(/\s+/g, ' '));
    throw err;
  }
  const host = req.headers.get('host');
  return hostAllowed(allowed, host) ? undefined : text(403, foreignHostMessage(host));
}
