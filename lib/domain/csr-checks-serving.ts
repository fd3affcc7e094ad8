import { canonicalAddress, canonicalIp, inClusterDnsReason, isDns1123Subdomain } from './csr-addresses';
import {
  check,
  nodeNameFromIdentity,
  type ClusterFacts,
  type CsrCheck,
  type CsrUnderReview,
  type NodeIndex,
} from './csr-check-core';

const NODES_GROUP = 'system:nodes';
const SERVING_ALLOWED_USAGES = new Set(['server auth', 'digital signature', 'key encipherment']);

const list = (xs: string[]) => xs.join(', ');

/**
 * Rules for `kubernetes.io/kubelet-serving`, which kube-controller-manager never auto-approves because it cannot
 * check that the SANs belong to the node (Kubernetes docs, "Kubernetes signers"; kubelet TLS bootstrapping,
 * "Certificate rotation"). The API server only requires O=system:nodes, CN=system:node:*, a DNS or IP SAN, no
 * email/URI SANs, and serving usages; we add what an approver must verify: the requester is that node, the node
 * exists, and every SAN is one of that node's own `status.addresses`, never an in-cluster or API server name.
 */
export function servingChecks(csr: CsrUnderReview, cluster: ClusterFacts, index: NodeIndex): CsrCheck[] {
  const requesterNode = nodeNameFromIdentity(csr.username);
  const r = csr.decoded.ok ? csr.decoded.request : null;
  const undecodable = 'request could not be decoded';
  const checks: CsrCheck[] = [];

  checks.push(
    check(
      'requester-is-node',
      'Requester is a node',
      requesterNode !== null && isDns1123Subdomain(requesterNode),
      requesterNode === null
        ? `requester ${csr.username} is not system:node:<name>`
        : isDns1123Subdomain(requesterNode)
          ? `requested by ${csr.username}`
          : `"${requesterNode}" is not a valid node name`,
    ),
    check(
      'requester-in-nodes-group',
      'Requester is in system:nodes',
      csr.groups.includes(NODES_GROUP),
      csr.groups.includes(NODES_GROUP)
        ? 'groups include system:nodes'
        : `groups are [${list(csr.groups)}], without system:nodes`,
    ),
  );

  if (!r) {
    checks.push(
      check('cn-matches-requester', 'CN equals the requester', false, undecodable),
      check('org-is-system-nodes', 'O is exactly system:nodes', false, undecodable),
    );
  } else {
    const cnOk = r.commonNames.length === 1 && r.commonName === csr.username;
    checks.push(
      check(
        'cn-matches-requester',
        'CN equals the requester',
        cnOk,
        cnOk
          ? `CN ${r.commonName}`
          : r.commonNames.length > 1
            ? `several CNs: ${list(r.commonNames)}`
            : `CN ${r.commonName ?? '(none)'} differs from requester ${csr.username}`,
      ),
      orgCheck(r.organizations),
    );
  }

  const nodeAddrs = requesterNode ? index.byName.get(requesterNode) : undefined;
  checks.push(
    check(
      'node-exists',
      'Node exists',
      nodeAddrs !== undefined,
      requesterNode === null
        ? 'the requester names no node'
        : nodeAddrs
          ? `node ${requesterNode} exists`
          : `no Node named ${requesterNode}`,
    ),
  );

  if (!r) {
    checks.push(
      check('no-wildcard', 'No wildcard names', false, undecodable),
      check('sans-match-node', "SANs are the node's own addresses", false, undecodable),
      check('no-in-cluster-names', 'No in-cluster or API server names', false, undecodable),
      check('no-email-uri-sans', 'No email, URI or other SANs', false, undecodable),
    );
  } else {
    const wild = r.dnsNames.filter((n) => n.includes('*'));
    checks.push(
      check(
        'no-wildcard',
        'No wildcard names',
        wild.length === 0,
        wild.length ? `wildcard DNS SAN: ${list(wild)}` : 'no wildcard DNS SAN',
      ),
    );
    checks.push(sansMatchNode(r.dnsNames, r.ipAddresses, requesterNode, nodeAddrs, index));
    checks.push(inClusterCheck(r.dnsNames, r.ipAddresses, cluster, nodeAddrs));
    const others = [...r.emailAddresses.map((e) => `email:${e}`), ...r.uris.map((u) => `uri:${u}`), ...r.otherSans];
    checks.push(
      check(
        'no-email-uri-sans',
        'No email, URI or other SANs',
        others.length === 0,
        others.length ? `not allowed on a serving certificate: ${list(others)}` : 'only DNS and IP SANs',
      ),
    );
  }

  const extra = csr.usages.filter((u) => !SERVING_ALLOWED_USAGES.has(u));
  const hasServer = csr.usages.includes('server auth');
  checks.push(
    check(
      'usages',
      'Usages are serving only',
      hasServer && extra.length === 0,
      !hasServer
        ? `usages [${list(csr.usages)}] lack server auth`
        : extra.length
          ? `usages beyond digital signature, key encipherment and server auth: ${list(extra)}`
          : `usages [${list(csr.usages)}]`,
    ),
  );
  return checks;
}

/** O must be exactly ["system:nodes"]: the kubelet sets it, and any other O would grant that group's rights. */
export function orgCheck(organizations: string[]): CsrCheck {
  const ok = organizations.length === 1 && organizations[0] === NODES_GROUP;
  return check(
    'org-is-system-nodes',
    'O is exactly system:nodes',
    ok,
    ok ? 'O system:nodes' : organizations.length ? `O is [${list(organizations)}]` : 'no O in the subject',
  );
}

function sansMatchNode(
  dnsNames: string[],
  ips: string[],
  node: string | null,
  own: Set<string> | undefined,
  index: NodeIndex,
): CsrCheck {
  const label = "SANs are the node's own addresses";
  if (dnsNames.length + ips.length === 0)
    return check('sans-match-node', label, false, 'no DNS or IP SAN: a serving certificate needs one');
  if (!node || !own) return check('sans-match-node', label, false, 'no such node, so its addresses are unknown');
  const problems: string[] = [];
  for (const ip of ips) {
    const c = canonicalIp(ip);
    if (c === null) {
      problems.push(`${ip} is not an IP address`);
      continue;
    }
    if (own.has(c)) continue;
    const owners = (index.ownerOf.get(c) ?? []).filter((n) => n !== node);
    problems.push(owners.length ? `IP ${ip} belongs to node ${list(owners)}` : `IP ${ip} is not an address of ${node}`);
  }
  for (const dns of dnsNames.filter((n) => !n.includes('*'))) {
    const c = canonicalAddress(dns);
    if (own.has(c)) continue;
    const owners = (index.ownerOf.get(c) ?? []).filter((n) => n !== node);
    problems.push(
      owners.length ? `DNS ${dns} belongs to node ${list(owners)}` : `DNS ${dns} is not an address of ${node}`,
    );
  }
  if (dnsNames.some((n) => n.includes('*'))) problems.push('wildcards never match a node address');
  return check(
    'sans-match-node',
    label,
    problems.length === 0,
    problems.length
      ? problems.join('; ')
      : `all ${dnsNames.length + ips.length} SANs are in ${node}'s status.addresses`,
  );
}

/**
 * No in-cluster names and not the API server's address. An API server address that is also this node's own
 * address (a control-plane node whose InternalIP the API server advertises) is allowed and said so.
 */
function inClusterCheck(
  dnsNames: string[],
  ips: string[],
  cluster: ClusterFacts,
  own: Set<string> | undefined,
): CsrCheck {
  const api = new Set(cluster.apiServerHosts.map(canonicalAddress));
  const problems: string[] = [];
  const notes: string[] = [];
  for (const dns of dnsNames) {
    const why = inClusterDnsReason(dns, cluster.clusterDomain);
    if (why) problems.push(why);
    else if (api.has(canonicalAddress(dns))) problems.push(`${dns} is the API server's name`);
  }
  for (const ip of ips) {
    const c = canonicalIp(ip);
    if (c === null || !api.has(c)) continue;
    if (own?.has(c)) notes.push(`${ip} is both this node's address and the API server's (control-plane node)`);
    else problems.push(`${ip} is the API server's address`);
  }
  return check(
    'no-in-cluster-names',
    'No in-cluster or API server names',
    problems.length === 0,
    problems.length
      ? problems.join('; ')
      : notes.length
        ? notes.join('; ')
        : `no kubernetes.default, *.svc, *.${cluster.clusterDomain} or API server address`,
  );
}
