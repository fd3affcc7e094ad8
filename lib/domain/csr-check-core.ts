import type { DecodeResult } from './csr-decode';
import { canonicalAddress } from './csr-addresses';

/**
 * Types and small helpers shared by the CSR check modules (`csr-checks*.ts`). Pure.
 */

/**
 * Signer names of the kubelet's two certificates (Kubernetes docs, "Certificates and Certificate Signing Requests").
 * @internal exported for its unit tests
 */
export const KUBELET_SERVING_SIGNER = 'kubernetes.io/kubelet-serving';
/** @internal exported for its unit tests */
export const KUBELET_CLIENT_SIGNER = 'kubernetes.io/kube-apiserver-client-kubelet';

export type SignerFamily = 'kubelet-serving' | 'kubelet-client' | 'other';

/** One rule, judged: every check is shown to the reviewer, pass or fail, with its reason. */
export interface CsrCheck {
  id: string;
  label: string;
  passed: boolean;
  reason: string;
}

/** The parts of a CertificateSigningRequest the checks judge (spec is immutable after creation). */
export interface CsrUnderReview {
  signerName: string;
  /** spec.username / spec.groups: set by the API server from the requester's credentials, so they can be trusted */
  username: string;
  groups: string[];
  usages: string[];
  expirationSeconds: number | null;
  decoded: DecodeResult;
  /** metadata.creationTimestamp, when known: orders the request against the Node it names */
  createdAt?: string | null;
}

export interface NodeAddresses {
  name: string;
  /** Node `status.addresses` (Hostname, InternalIP, ExternalIP, InternalDNS, ExternalDNS) */
  addresses: { type: string; address: string }[];
  /** metadata.creationTimestamp of the Node object */
  createdAt?: string;
}

/** What the checks need to know about the cluster. */
export interface ClusterFacts {
  nodes: NodeAddresses[];
  /** kubelet `clusterDomain`; `cluster.local` unless the cluster says otherwise */
  clusterDomain: string;
  /** the API server's own addresses: the kubeconfig server host, the `kubernetes` Service ClusterIP */
  apiServerHosts: string[];
  /** upper bound for spec.expirationSeconds */
  maxExpirationSeconds: number;
}

export interface CsrVerdict {
  family: SignerFamily;
  /** the node the request claims to be for (from the CN, else the requester); null when it names none */
  nodeName: string | null;
  checks: CsrCheck[];
  allPassed: boolean;
  /** approving needs an extra explicit confirmation: the dashboard cannot judge this signer's rules */
  needsExtraConfirmation: boolean;
  /** may be part of "approve every pending CSR that passes all checks" */
  bulkEligible: boolean;
}

/**
 * Smallest expirationSeconds the API accepts (certificates.k8s.io/v1 validation: 600, ten minutes), and our
 * default upper bound: one year, kube-controller-manager's default `--cluster-signing-duration` (8760h).
 */
export const MIN_EXPIRATION_SECONDS = 600;
export const DEFAULT_MAX_EXPIRATION_SECONDS = 365 * 24 * 3600;

export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/** Lookups built once per review: a node's own addresses, and which node owns an address. */
export interface NodeIndex {
  byName: Map<string, Set<string>>;
  ownerOf: Map<string, string[]>;
  /** node name → creationTimestamp, for nodes that report one */
  createdAt: Map<string, string>;
}

export function indexNodes(nodes: NodeAddresses[]): NodeIndex {
  const byName = new Map<string, Set<string>>();
  const ownerOf = new Map<string, string[]>();
  const createdAt = new Map<string, string>();
  for (const node of nodes) {
    if (node.createdAt) createdAt.set(node.name, node.createdAt);
    const own = new Set<string>();
    for (const a of node.addresses) {
      const c = canonicalAddress(a.address);
      own.add(c);
      const owners = ownerOf.get(c) ?? [];
      if (!owners.includes(node.name)) owners.push(node.name);
      ownerOf.set(c, owners);
    }
    byName.set(node.name, own);
  }
  return { byName, ownerOf, createdAt };
}

export function signerFamily(signerName: string): SignerFamily {
  if (signerName === KUBELET_SERVING_SIGNER) return 'kubelet-serving';
  if (signerName === KUBELET_CLIENT_SIGNER) return 'kubelet-client';
  return 'other';
}

export const check = (id: string, label: string, passed: boolean, reason: string): CsrCheck => ({
  id,
  label,
  passed,
  reason,
});

/** `system:node:<name>` → `<name>`; null for any other string. */
export function nodeNameFromIdentity(identity: string | null | undefined): string | null {
  const m = /^system:node:(.+)$/.exec(identity ?? '');
  return m?.[1] ?? null;
}
