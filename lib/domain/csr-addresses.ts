/**
 * Address helpers for CSR checks: comparing SANs with Node `status.addresses` and spotting in-cluster names.
 * Pure; no DNS lookups (a name is judged by what it says, not by what it resolves to today).
 */

/**
 * Canonical text of an IP address, or null if it isn't one. IPv6 is expanded to eight lowercase groups and
 * IPv4-mapped IPv6 (`::ffff:10.0.0.1`) folds to IPv4, because Go's x509 and the Node API may spell the same
 * address differently and a check must not be fooled by spelling.
 */
export function canonicalIp(text: string): string | null {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    return parts.every((p) => p <= 255) ? parts.join('.') : null;
  }
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return null;
  let head = text;
  let tailV4: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const maybeV4 = text.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    const c = canonicalIp(maybeV4);
    if (!c || !c.includes('.')) return null;
    const o = c.split('.').map(Number) as [number, number, number, number];
    tailV4 = [(o[0] << 8) | o[1], (o[2] << 8) | o[3]];
    head = text.slice(0, lastColon + 1) + '0:0'; // placeholder groups, replaced below
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === '' ? [] : s.split(':'));
  const left = parse(halves[0] ?? '');
  const right = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const missing = 8 - left.length - right.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right];
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return null;
  const nums = groups.map((g) => parseInt(g, 16));
  if (tailV4.length) nums.splice(6, 2, ...tailV4);
  const isMappedV4 = nums.slice(0, 5).every((n) => n === 0) && nums[5] === 0xffff;
  if (isMappedV4) return [nums[6]! >> 8, nums[6]! & 255, nums[7]! >> 8, nums[7]! & 255].join('.');
  return nums.map((n) => n.toString(16)).join(':');
}

/** DNS names compare case-insensitively and without a trailing root dot (RFC 4343). */
function canonicalDns(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** Canonical form of any address (IP or DNS name), for set membership. */
export function canonicalAddress(text: string): string {
  return canonicalIp(text) ?? canonicalDns(text);
}

/**
 * Whether a DNS name points inside the cluster: the `kubernetes` Service's names (`kubernetes`,
 * `kubernetes.default`, `kubernetes.default.svc`), any Service name (`*.svc`, `*.svc.<domain>`), or anything
 * under the cluster domain (kubelet `clusterDomain`, `cluster.local` by default). A kubelet serving certificate
 * for such a name would let a node impersonate the API server or a Service to in-cluster clients.
 * Source: Kubernetes "DNS for Services and Pods", and the kube-apiserver serving cert SAN list kubeadm writes.
 */
export function inClusterDnsReason(name: string, clusterDomain: string): string | null {
  const n = canonicalDns(name);
  const domain = canonicalDns(clusterDomain);
  if (['kubernetes', 'kubernetes.default', 'kubernetes.default.svc'].includes(n))
    return `${name} is the API server's in-cluster Service name`;
  if (n === 'svc' || n.endsWith('.svc')) return `${name} is a Service name (*.svc)`;
  if (domain && (n === domain || n.endsWith(`.${domain}`)))
    return `${name} is under the cluster domain ${clusterDomain}`;
  return null;
}

/** Kubernetes object names such as Node names are DNS-1123 subdomains (at most 253 characters). */
export function isDns1123Subdomain(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 253 &&
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name)
  );
}
