import 'server-only';
import { authConfig, type AuthMode } from '@/lib/auth/config';
import { env, listeningPort } from '@/lib/env';
import { AppError } from '@/lib/errors';
import {
  bindHostname,
  isLoopbackAddress,
  isWildcardAddress,
  LOOPBACK_HOSTNAMES,
  parseHostPort,
  type HostPattern,
} from '@/lib/domain/host-names';

/**
 * DNS rebinding defence (docs/security.md): a page on attacker.example whose name later resolves to 127.0.0.1 is
 * same-origin with it, so the browser lets it read our answers. Its requests still say `Host: attacker.example`,
 * which is what we refuse. Like `kubectl proxy --accept-hosts`, Vite's `server.allowedHosts` and Jupyter's
 * `allow_remote_access`, the server answers only to names it was told about:
 * - the loopback names with the listening port (any port in the shared modes, for `kubectl port-forward`);
 * - `HOST` when it names one interface (not 0.0.0.0 or ::), with the listening port;
 * - every KD_ALLOWED_HOSTS entry (`name` for any port, `name:port` for one), which the shared modes require when
 *   they listen beyond loopback.
 */
export interface HostAllowlist {
  readonly patterns: readonly HostPattern[];
}

/** @internal exported for its unit tests */
export class HostSettingsError extends AppError {
  constructor(message: string) {
    super('ServiceUnavailable', 503, message, 'See docs/security.md, "DNS rebinding and allowed hosts".');
  }
}

/** @internal exported for its unit tests; the process's own list is hostAllowlist() */
export function buildHostAllowlist(input: {
  mode: AuthMode;
  /** HOST, the interface the server listens on; undefined means loopback (the default of every start script) */
  bindHost?: string;
  /** the listening port; undefined (not known) allows the loopback names on any port */
  port?: number;
  allowed: readonly HostPattern[];
}): HostAllowlist {
  const { mode, bindHost, port, allowed } = input;
  const beyondLoopback = bindHost !== undefined && !isLoopbackAddress(bindHost);
  if (mode !== 'local' && beyondLoopback && allowed.length === 0) {
    throw new HostSettingsError(
      `KD_AUTH_MODE=${mode} listens on ${bindHost} (HOST) but KD_ALLOWED_HOSTS is not set: set it to the host ` +
        'name(s) users open, comma-separated (e.g. KD_ALLOWED_HOSTS=kubelet-dashboard.example.com); every other ' +
        'Host is refused, which stops DNS rebinding.',
    );
  }
  const loopbackPort = mode === 'local' ? port : undefined;
  const patterns: HostPattern[] = LOOPBACK_HOSTNAMES.map((hostname) => ({ hostname, port: loopbackPort }));
  if (bindHost !== undefined && !isWildcardAddress(bindHost)) {
    const own = parseHostPort(bindHostname(bindHost));
    if (own) patterns.push({ hostname: own.hostname, port });
  }
  return { patterns: [...patterns, ...allowed] };
}

/** Whether a `Host` header (or an Origin's host) names this dashboard. A missing or malformed one does not. */
export function hostAllowed(list: HostAllowlist, host: string | null | undefined): boolean {
  const parsed = host ? parseHostPort(host) : undefined;
  if (!parsed) return false;
  return list.patterns.some(
    (p) =>
      p.hostname === parsed.hostname &&
      (p.port === undefined ||
        p.port === parsed.port ||
        // browsers leave the scheme's default port out of Host and Origin
        (parsed.port === undefined && (p.port === 80 || p.port === 443))),
  );
}

/**
 * Whether an `Origin` header names a page of this dashboard: an allowed host, and the scheme the request itself
 * arrived with (`protocol` from its URL; Next derives it from X-Forwarded-Proto behind a proxy), so a page on
 * plain http cannot post to the https dashboard of the same name.
 */
export function originAllowed(list: HostAllowlist, origin: string, protocol: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== protocol || (protocol !== 'http:' && protocol !== 'https:')) return false;
  return hostAllowed(list, url.host); // URL leaves a default port out of `host`, as browsers do in Host
}

/** The process's allowlist, from HOST, the port Next listens on, KD_AUTH_MODE and KD_ALLOWED_HOSTS. */
export function hostAllowlist(): HostAllowlist {
  const { HOST, KD_ALLOWED_HOSTS } = env();
  return buildHostAllowlist({
    mode: authConfig().mode,
    bindHost: HOST,
    port: listeningPort(),
    allowed: KD_ALLOWED_HOSTS,
  });
}

/** For the startup log: `localhost:3000, dash.example.com:*, …`. */
export function describeAllowlist(list: HostAllowlist): string[] {
  return list.patterns.map((p) => `${p.hostname}:${p.port ?? '*'}`);
}

/** One line for whoever sent the foreign Host (it may be the operator's own new DNS name). */
export function foreignHostMessage(host: string | null): string {
  const shown = (host ?? '').replace(/[^\x21-\x7e]/g, '?').slice(0, 100);
  return host
    ? `Host "${shown}" is not allowed (DNS rebinding protection). To open the dashboard under this name, add it to KD_ALLOWED_HOSTS.`
    : 'Requests without a Host header are refused (DNS rebinding protection); set KD_ALLOWED_HOSTS to the names users open.';
}
