import { isDns1123Subdomain } from './csr-addresses';
import { check, nodeNameFromIdentity, type CsrCheck, type CsrUnderReview, type NodeIndex } from './csr-check-core';
import { orgCheck } from './csr-checks-serving';

const CLIENT_ALLOWED_USAGES = new Set(['client auth', 'digital signature', 'key encipherment']);
/** Bootstrap token user names are `system:bootstrap:<token-id>`, token id `[a-z0-9]{6}` (bootstrap tokens docs). */
const BOOTSTRAP_USER = /^system:bootstrap:([a-z0-9]{6})$/;

const list = (xs: string[]) => xs.join(', ');

/**
 * Rules for `kubernetes.io/kube-apiserver-client-kubelet`, mirroring what kube-controller-manager's csrapproving
 * controller recognises (`isNodeClientCert` / `isSelfNodeClientCert`): O exactly system:nodes, CN system:node:<n>,
 * no SANs of any kind, usages client auth (+ digital signature, key encipherment). The requester must be the node
 * itself (renewal) or a bootstrap token identity in system:bootstrappers (TLS bootstrapping); anyone else asking
 * for a node's client identity is asking to impersonate that node.
 */
export function clientChecks(csr: CsrUnderReview, index?: NodeIndex): CsrCheck[] {
  const r = csr.decoded.ok ? csr.decoded.request : null;
  const undecodable = 'request could not be decoded';
  const checks: CsrCheck[] = [];

  if (!r) {
    checks.push(
      check('cn-is-node', 'CN is system:node:<name>', false, undecodable),
      check('org-is-system-nodes', 'O is exactly system:nodes', false, undecodable),
      check('no-sans', 'No SANs', false, undecodable),
    );
  } else {
    const node = nodeNameFromIdentity(r.commonName);
    const cnOk = r.commonNames.length === 1 && node !== null && isDns1123Subdomain(node);
    checks.push(
      check(
        'cn-is-node',
        'CN is system:node:<name>',
        cnOk,
        r.commonNames.length > 1
          ? `several CNs: ${list(r.commonNames)}`
          : cnOk
            ? `CN ${r.commonName}`
            : `CN ${r.commonName ?? '(none)'} is not system:node:<valid node name>`,
      ),
    );
    checks.push(orgCheck(r.organizations));
    const sans = [
      ...r.dnsNames.map((d) => `dns:${d}`),
      ...r.ipAddresses.map((i) => `ip:${i}`),
      ...r.emailAddresses.map((e) => `email:${e}`),
      ...r.uris.map((u) => `uri:${u}`),
      ...r.otherSans,
    ];
    checks.push(
      check(
        'no-sans',
        'No SANs',
        sans.length === 0,
        sans.length ? `a client certificate carries no SANs, found ${list(sans)}` : 'no SANs',
      ),
    );
  }

  const extra = csr.usages.filter((u) => !CLIENT_ALLOWED_USAGES.has(u));
  const hasClient = csr.usages.includes('client auth');
  checks.push(
    check(
      'usages',
      'Usages are client only',
      hasClient && extra.length === 0,
      !hasClient
        ? `usages [${list(csr.usages)}] lack client auth`
        : extra.length
          ? `usages beyond digital signature, key encipherment and client auth: ${list(extra)}`
          : `usages [${list(csr.usages)}]`,
    ),
  );

  checks.push(requesterCheck(csr, r?.commonName ?? null));
  const joining = bootstrapNameCheck(csr, r?.commonName ?? null, index);
  if (joining) checks.push(joining);
  return checks;
}

/**
 * A bootstrap token asks for a *new* node's client certificate. When the CN names a node that was already
 * registered before the request was made, it is a re-join under the same name (the machine was re-created
 * without deleting its Node object) or someone holding a bootstrap token asking to become that node, which
 * would take over its identity, its pods' secrets and its status. Either way a human must look. A Node created
 * after the request is the normal outcome of this very request (the node joined with it), so that passes.
 */
function bootstrapNameCheck(csr: CsrUnderReview, cn: string | null, index?: NodeIndex): CsrCheck | null {
  if (!index || !BOOTSTRAP_USER.test(csr.username)) return null;
  const node = nodeNameFromIdentity(cn);
  if (!node) return null;
  const label = 'Bootstrap request names a node that is not registered yet';
  if (!index.byName.has(node))
    return check('bootstrap-new-node', label, true, `no Node ${node} exists yet: a new node joining`);
  const nodeCreated = index.createdAt.get(node);
  const requested = csr.createdAt ?? null;
  if (nodeCreated && requested && Date.parse(nodeCreated) >= Date.parse(requested))
    return check(
      'bootstrap-new-node',
      label,
      true,
      `Node ${node} was registered at ${nodeCreated}, after this request (${requested}): it joined with this certificate`,
    );
  return check(
    'bootstrap-new-node',
    label,
    false,
    `Node ${node} is already registered${nodeCreated ? ` (since ${nodeCreated})` : ''}: a bootstrap token asking for its identity is a re-join of a re-created machine (delete the old Node first) or an attempt to impersonate it`,
  );
}

function requesterCheck(csr: CsrUnderReview, cn: string | null): CsrCheck {
  const label = 'Requester is the node or a bootstrap token';
  const boot = BOOTSTRAP_USER.exec(csr.username);
  if (boot) {
    const inGroup = csr.groups.includes('system:bootstrappers');
    return check(
      'requester-allowed',
      label,
      inGroup,
      inGroup
        ? `bootstrap token ${boot[1]} (system:bootstrappers): a node joining`
        : `bootstrap identity ${csr.username} is not in system:bootstrappers`,
    );
  }
  const requesterNode = nodeNameFromIdentity(csr.username);
  if (requesterNode !== null) {
    if (cn !== csr.username)
      return check(
        'requester-allowed',
        label,
        false,
        `node ${requesterNode} asks for another identity (${cn ?? 'no CN'})`,
      );
    const inGroup = csr.groups.includes('system:nodes');
    return check(
      'requester-allowed',
      label,
      inGroup,
      inGroup ? `renewal by ${csr.username} itself` : `${csr.username} is not in system:nodes`,
    );
  }
  return check('requester-allowed', label, false, `${csr.username} is neither the node nor a bootstrap token identity`);
}
