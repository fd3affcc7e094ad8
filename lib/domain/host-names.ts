/**
 * Host names as they appear in a `Host` header, an `Origin` and the KD_ALLOWED_HOSTS setting. Pure (no env, no
 * I/O): lib/env.ts validates the setting with it and lib/security/allowed-hosts.ts matches requests with it.
 */
export interface HostPattern {
  /** lower case; IPv6 literals keep their brackets (`[::1]`), as in a Host header */
  readonly hostname: string;
  /** undefined: any port */
  readonly port?: number;
}

/** The names a browser on this machine uses for it; no DNS answer an attacker controls can produce them. */
export const LOOPBACK_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

const PORT = /^\d{1,5}$/;

/**
 * Parses `name`, `name:port`, `10.0.0.5:3000`, `[fd00::1]:3000` (a Host header or one KD_ALLOWED_HOSTS entry).
 * The name is checked with the WHATWG URL parser, so what is accepted here is what a browser could send.
 * Undefined for anything else: schemes, paths, user info, wildcards, empty names, ports above 65535.
 */
export function parseHostPort(value: string): HostPattern | undefined {
  const text = value.trim().toLowerCase();
  if (!text || /[/@?#*\\\s]/.test(text)) return undefined;
  const bracketEnd = text.startsWith('[') ? text.indexOf(']') : -1;
  const colon = bracketEnd >= 0 ? (text[bracketEnd + 1] === ':' ? bracketEnd + 1 : -1) : text.lastIndexOf(':');
  if (bracketEnd < 0 && text.indexOf(':') !== colon) return undefined; // a bare IPv6 literal: needs brackets
  const name = colon >= 0 ? text.slice(0, colon) : text;
  const portText = colon >= 0 ? text.slice(colon + 1) : undefined;
  if (bracketEnd >= 0 && colon < 0 && bracketEnd !== text.length - 1) return undefined;
  let hostname: string;
  try {
    hostname = new URL(`http://${name}/`).hostname;
  } catch {
    return undefined;
  }
  if (!hostname || hostname !== name) return undefined; // the parser rewrote it (percent-encoding, IDNA, IPv4 forms)
  if (portText === undefined) return { hostname };
  if (!PORT.test(portText) || Number(portText) > 65535) return undefined;
  return { hostname, port: Number(portText) };
}

/** `HOST` values that mean "every interface" rather than one name. */
export function isWildcardAddress(host: string): boolean {
  return ['0.0.0.0', '::', '[::]'].includes(host.trim());
}

/** 127.0.0.0/8, ::1 and localhost: a server bound there is reachable only from this machine. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.trim().toLowerCase();
  return h === 'localhost' || h === '::1' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** `HOST` as a Host-header name: IPv6 literals get their brackets. */
export function bindHostname(host: string): string {
  const h = host.trim().toLowerCase();
  return h.includes(':') && !h.startsWith('[') ? `[${h}]` : h;
}
