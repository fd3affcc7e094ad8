/**
 * Legacy discovery documents (/api, /api/v1, /apis, /apis/<group>[/<version>]). kubectl ≥1.26 asks for
 * aggregated discovery first; answering `application/json` with these makes client-go fall back, as it
 * does against an apiserver without aggregated discovery. Verbs list what the sim really serves.
 */
const V1_33_2 = {
  major: '1',
  minor: '33',
  gitVersion: 'v1.33.2',
  gitCommit: 'a57b6f7709f6c2722b92f07b8b4c48210a51fc40',
  gitTreeState: 'clean',
  buildDate: '2025-06-17T18:34:53Z',
  goVersion: 'go1.24.4',
  compiler: 'gc',
  platform: 'linux/amd64',
  emulationMajor: '1',
  emulationMinor: '33',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '32',
};

/**
 * The /version document (version.Info) for a control plane at `gitVersion`. The emulation and compatibility
 * fields exist since 1.33 (compatibility versions, KEP-4330); older servers send only the rest.
 */
export function serverVersionInfo(gitVersion: string): Record<string, string> {
  if (gitVersion === V1_33_2.gitVersion) return V1_33_2;
  const [, major = '1', minor = '0'] = /^v(\d+)\.(\d+)/.exec(gitVersion) ?? [];
  return {
    major,
    minor,
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-05-15T08:00:00Z',
    goVersion: 'go1.23.8',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
}

const READ = ['get', 'list', 'watch'];
const sub = (name: string, kind: string, verbs: string[], namespaced = false): ApiResource => ({
  name,
  singularName: '',
  namespaced,
  kind,
  verbs,
});

const CORE: ApiResource[] = [
  {
    name: 'configmaps',
    singularName: 'configmap',
    namespaced: true,
    kind: 'ConfigMap',
    verbs: READ,
    shortNames: ['cm'],
  },
  {
    name: 'namespaces',
    singularName: 'namespace',
    namespaced: false,
    kind: 'Namespace',
    verbs: READ,
    shortNames: ['ns'],
  },
  { name: 'nodes', singularName: 'node', namespaced: false, kind: 'Node', verbs: READ, shortNames: ['no'] },
  sub('nodes/proxy', 'NodeProxyOptions', ['get']),
  sub('nodes/status', 'Node', ['get']),
  {
    name: 'pods',
    singularName: 'pod',
    namespaced: true,
    kind: 'Pod',
    verbs: READ,
    shortNames: ['po'],
    categories: ['all'],
  },
];

const GROUPS: Record<string, { version: string; resources: ApiResource[] }> = {
  'authentication.k8s.io': {
    version: 'v1',
    resources: [
      {
        name: 'selfsubjectreviews',
        singularName: 'selfsubjectreview',
        namespaced: false,
        kind: 'SelfSubjectReview',
        verbs: ['create'],
      },
    ],
  },
  'authorization.k8s.io': {
    version: 'v1',
    resources: [
      {
        name: 'selfsubjectaccessreviews',
        singularName: 'selfsubjectaccessreview',
        namespaced: false,
        kind: 'SelfSubjectAccessReview',
        verbs: ['create'],
      },
      {
        name: 'selfsubjectrulesreviews',
        singularName: 'selfsubjectrulesreview',
        namespaced: false,
        kind: 'SelfSubjectRulesReview',
        verbs: ['create'],
      },
    ],
  },
  'certificates.k8s.io': {
    version: 'v1',
    resources: [
      {
        name: 'certificatesigningrequests',
        singularName: 'certificatesigningrequest',
        namespaced: false,
        kind: 'CertificateSigningRequest',
        verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
        shortNames: ['csr'],
      },
      sub('certificatesigningrequests/approval', 'CertificateSigningRequest', ['get', 'patch', 'update']),
      sub('certificatesigningrequests/status', 'CertificateSigningRequest', ['get', 'patch', 'update']),
    ],
  },
  'metrics.k8s.io': {
    version: 'v1beta1',
    resources: [
      { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
      { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
    ],
  },
};

const groupNames = (metrics: boolean) => Object.keys(GROUPS).filter((g) => metrics || g !== 'metrics.k8s.io');

function apiGroup(name: string) {
  const gv = { groupVersion: `${name}/${GROUPS[name]?.version ?? ''}`, version: GROUPS[name]?.version ?? '' };
  return { name, versions: [gv], preferredVersion: gv };
}

/** Discovery document for a non-resource path, or undefined when the path is not a discovery path. */
export function discoveryDoc(path: string, metrics: boolean, serverAddress: string): unknown {
  const p = path.replace(/\/+$/, '');
  if (p === '/api')
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
    };
  if (p === '/api/v1') return { kind: 'APIResourceList', groupVersion: 'v1', resources: CORE };
  if (p === '/apis') return { kind: 'APIGroupList', apiVersion: 'v1', groups: groupNames(metrics).map(apiGroup) };
  const m = /^\/apis\/([^/]+)(?:\/([^/]+))?$/.exec(p);
  if (!m) return undefined;
  const [, group = '', version] = m;
  const def = GROUPS[group];
  if (!def || !groupNames(metrics).includes(group)) return undefined;
  if (!version) return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group) };
  if (version !== def.version) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${group}/${version}`, resources: def.resources };
}
