/**
 * Fields that legitimately differ per node and so are not drift: excluded from grouping and baselines by
 * default, shown on request, and editable by the user (the list travels in the URL). Kept in its own module
 * so the browser can import it without the rest of the comparison code.
 */
export const DEFAULT_IGNORE: readonly string[] = [
  // node addresses and IPs: bind address, healthz address, pod CIDR are per-node by design
  'address',
  'healthzBindAddress',
  'podCIDR',
  // cloud identity of the machine
  'providerID',
  // serving certificate and key paths often embed the hostname
  'tlsCertFile',
  'tlsPrivateKeyFile',
  // flag-only today (--hostname-override, --node-ip, --node-labels) but some distributions surface them
  'hostnameOverride',
  'nodeIP',
  'nodeLabels',
];
