import 'server-only';

/**
 * Every Kubernetes permission the dashboard's data functions use, in RBAC terms. deploy/clusterrole-viewer.yaml
 * and deploy/clusterrole-approver.yaml grant exactly these (lib/k8s/permissions.test.ts compares them), and
 * error hints name them (lib/k8s/errors.ts). Add an entry here before a data function calls something new.
 */
type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'approve';

export interface Permission {
  /** API group; '' is the core group */
  group: string;
  resource: string;
  subresource?: string;
  verb: Verb;
  /** granted by a Role in this namespace only; absent = cluster-wide (ClusterRole) */
  namespace?: string;
  resourceNames?: readonly string[];
  /** which ClusterRole grants it: reading, or deciding CSRs */
  role: 'viewer' | 'approver';
  /** what breaks without it (the README and docs/security.md explain each) */
  why: string;
}

const p = <T extends Record<string, Permission>>(table: T) => table;

export const PERMISSIONS = p({
  listNodes: {
    group: '',
    resource: 'nodes',
    verb: 'list',
    role: 'viewer',
    why: 'node list, CSR checks (node addresses)',
  },
  getNode: { group: '', resource: 'nodes', verb: 'get', role: 'viewer', why: 'node detail' },
  watchNodesSince: { group: '', resource: 'nodes', verb: 'watch', role: 'viewer', why: 'live node list' },
  kubeletProxy: {
    group: '',
    resource: 'nodes',
    subresource: 'proxy',
    verb: 'get',
    role: 'viewer',
    why: 'kubelet /configz and /stats/summary through the API server (only those two paths, never an upgrade)',
  },
  listPods: {
    group: '',
    resource: 'pods',
    verb: 'list',
    role: 'viewer',
    why: 'requests/limits per node, eviction ranking',
  },
  watchPodSharesSince: {
    group: '',
    resource: 'pods',
    verb: 'watch',
    role: 'viewer',
    why: 'requests/limits per node kept live (one list, then a watch)',
  },
  listNodeMetrics: {
    group: 'metrics.k8s.io',
    resource: 'nodes',
    verb: 'list',
    role: 'viewer',
    why: 'usage columns (metrics-server)',
  },
  getNodeMetrics: {
    group: 'metrics.k8s.io',
    resource: 'nodes',
    verb: 'get',
    role: 'viewer',
    why: 'usage on node detail',
  },
  listCsrs: {
    group: 'certificates.k8s.io',
    resource: 'certificatesigningrequests',
    verb: 'list',
    role: 'viewer',
    why: 'CSR list',
  },
  getCsr: {
    group: 'certificates.k8s.io',
    resource: 'certificatesigningrequests',
    verb: 'get',
    role: 'viewer',
    why: 'CSR detail, re-read before a decision',
  },
  watchCsrs: {
    group: 'certificates.k8s.io',
    resource: 'certificatesigningrequests',
    verb: 'watch',
    role: 'viewer',
    why: 'live CSR list',
  },
  getKubeletConfigMap: {
    group: '',
    resource: 'configmaps',
    verb: 'get',
    namespace: 'kube-system',
    role: 'viewer',
    why: "kubeadm's kubelet-config ConfigMap, the drift baseline",
  },
  listKubeletConfigMaps: {
    group: '',
    resource: 'configmaps',
    verb: 'list',
    namespace: 'kube-system',
    role: 'viewer',
    why: 'finding a legacy kubelet-config-1.X name (list cannot be limited by name)',
  },
  getKubernetesService: {
    group: '',
    resource: 'services',
    verb: 'get',
    namespace: 'default',
    resourceNames: ['kubernetes'],
    role: 'viewer',
    why: "the API server's ClusterIP for the CSR address checks (best effort: the check still has the server host)",
  },
  selfSubjectReview: {
    group: 'authentication.k8s.io',
    resource: 'selfsubjectreviews',
    verb: 'create',
    role: 'viewer',
    why: 'who you are (sign-in, audit lines); every authenticated user has it through system:basic-user',
  },
  selfSubjectAccessReview: {
    group: 'authorization.k8s.io',
    resource: 'selfsubjectaccessreviews',
    verb: 'create',
    role: 'viewer',
    why: 'which decision buttons to enable; every authenticated user has it through system:basic-user',
  },
  updateCsrApproval: {
    group: 'certificates.k8s.io',
    resource: 'certificatesigningrequests',
    subresource: 'approval',
    verb: 'update',
    role: 'approver',
    why: 'writing an Approved or Denied condition',
  },
  approveKubeletSigners: {
    group: 'certificates.k8s.io',
    resource: 'signers',
    verb: 'approve',
    role: 'approver',
    resourceNames: ['kubernetes.io/kubelet-serving', 'kubernetes.io/kube-apiserver-client-kubelet'],
    why: 'the CSR approval admission check, per signer',
  },
});

/** `nodes/proxy`, `configmaps`, `nodes.metrics.k8s.io`: the resource as `kubectl auth can-i` spells it. */
export function resourceRef(perm: Permission): string {
  const res = perm.subresource ? `${perm.resource}/${perm.subresource}` : perm.resource;
  return perm.group ? `${res}.${perm.group}` : res;
}

/** `kubectl auth can-i list configmaps -n kube-system`: the command that checks one permission. */
export function canICommand(perm: Permission): string {
  const name = perm.resourceNames?.length === 1 ? `/${perm.resourceNames[0]}` : '';
  return `kubectl auth can-i ${perm.verb} ${resourceRef(perm)}${name}${perm.namespace ? ` -n ${perm.namespace}` : ''}`;
}

/** The permission an API call needs, by (group, resource[/subresource], verb); undefined if none is declared. */
export function findPermission(group: string, resource: string, verb: string): Permission | undefined {
  const [res, sub] = resource.split('/');
  return Object.values(PERMISSIONS).find(
    (x: Permission) =>
      x.group === group && x.resource === res && (x.subresource ?? undefined) === sub && x.verb === verb,
  );
}
