import type { ProfileName } from './types';

/** Resources as written in a pod spec; absent keys are absent in the JSON. */
interface Resources {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

export interface ContainerTemplate {
  name: string;
  image: string;
  resources: Resources;
}

export interface PodTemplate {
  /** Deployment, DaemonSet or StatefulSet name; static pods use the component name */
  name: string;
  namespace: string;
  kind: 'DaemonSet' | 'Deployment' | 'StatefulSet' | 'Job' | 'Static';
  containers: ContainerTemplate[];
  priorityClassName?: 'system-node-critical' | 'system-cluster-critical';
  hostNetwork?: boolean;
  serviceAccountName?: string;
  /** mean working set in MiB and cpu in millicores when running */
  memMi: number;
  cpuMillis: number;
}

const r = (cpu?: string, mem?: string): Record<string, string> => ({
  ...(cpu ? { cpu } : {}),
  ...(mem ? { memory: mem } : {}),
});

const KUBE_PROXY = (version: string): PodTemplate => ({
  name: 'kube-proxy',
  namespace: 'kube-system',
  kind: 'DaemonSet',
  priorityClassName: 'system-node-critical',
  hostNetwork: true,
  serviceAccountName: 'kube-proxy',
  memMi: 28,
  cpuMillis: 4,
  containers: [{ name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${version}`, resources: {} }],
});

const CALICO: PodTemplate = {
  name: 'calico-node',
  namespace: 'kube-system',
  kind: 'DaemonSet',
  priorityClassName: 'system-node-critical',
  hostNetwork: true,
  serviceAccountName: 'calico-node',
  memMi: 140,
  cpuMillis: 35,
  containers: [{ name: 'calico-node', image: 'docker.io/calico/node:v3.28.2', resources: { requests: r('250m') } }],
};

const NODE_EXPORTER: PodTemplate = {
  name: 'node-exporter',
  namespace: 'monitoring',
  kind: 'DaemonSet',
  hostNetwork: true,
  serviceAccountName: 'node-exporter',
  memMi: 22,
  cpuMillis: 3,
  containers: [
    {
      name: 'node-exporter',
      image: 'quay.io/prometheus/node-exporter:v1.8.2',
      resources: { requests: r('102m', '180Mi'), limits: r('250m', '180Mi') },
    },
    {
      name: 'kube-rbac-proxy',
      image: 'quay.io/brancz/kube-rbac-proxy:v0.18.1',
      resources: { requests: r('10m', '20Mi'), limits: r('20m', '40Mi') },
    },
  ],
};

/**
 * Templates are memoised per (profile, version): pods share their container specs, labels and specs by
 * template identity (pods.ts), so every node of a version must get the same template objects.
 */
const memo = new Map<string, readonly PodTemplate[]>();
function memoised(key: string, build: () => PodTemplate[]): readonly PodTemplate[] {
  let templates = memo.get(key);
  if (!templates) memo.set(key, (templates = build()));
  return templates;
}

/** Per-node daemons each platform runs (names as the platforms ship them). */
export function daemonSetsFor(profile: ProfileName, version: string): readonly PodTemplate[] {
  return memoised(`daemonsets/${profile}/${version}`, () => buildDaemonSets(profile, version));
}

function buildDaemonSets(profile: ProfileName, version: string): PodTemplate[] {
  switch (profile) {
    case 'kubeadm':
    case 'kubeadm-hardened':
      return [KUBE_PROXY(version), CALICO, NODE_EXPORTER];
    case 'binary-legacy':
      // kube-proxy and flannel run as systemd binaries on such installs; only node-exporter is a pod
      return [NODE_EXPORTER];
    case 'binary-kubeasz':
      // kubeasz runs kube-proxy as a systemd binary, not a pod
      return [
        CALICO,
        {
          name: 'node-local-dns',
          namespace: 'kube-system',
          kind: 'DaemonSet',
          priorityClassName: 'system-node-critical',
          hostNetwork: true,
          serviceAccountName: 'node-local-dns',
          memMi: 18,
          cpuMillis: 3,
          containers: [
            {
              name: 'node-cache',
              image: 'easzlab/k8s-dns-node-cache:1.22.28',
              resources: { requests: r('25m', '5Mi') },
            },
          ],
        },
      ];
    case 'managed-ack':
      return [
        {
          ...KUBE_PROXY(version),
          name: 'kube-proxy-worker',
          containers: [
            {
              name: 'kube-proxy-worker',
              image: `registry-cn-hangzhou-vpc.ack.aliyuncs.com/acs/kube-proxy:${version}-aliyun.1`,
              resources: { requests: r('100m', '100Mi') },
            },
          ],
        },
        {
          name: 'terway-eniip',
          namespace: 'kube-system',
          kind: 'DaemonSet',
          priorityClassName: 'system-node-critical',
          hostNetwork: true,
          serviceAccountName: 'terway',
          memMi: 60,
          cpuMillis: 8,
          containers: [
            {
              name: 'terway',
              image: 'registry-cn-hangzhou-vpc.ack.aliyuncs.com/acs/terway:v1.9.6',
              resources: { requests: r('100m', '256Mi'), limits: r(undefined, '256Mi') },
            },
            {
              name: 'policy',
              image: 'registry-cn-hangzhou-vpc.ack.aliyuncs.com/acs/terway:v1.9.6',
              resources: { requests: r('250m', '64Mi') },
            },
          ],
        },
        {
          name: 'csi-plugin',
          namespace: 'kube-system',
          kind: 'DaemonSet',
          priorityClassName: 'system-node-critical',
          hostNetwork: true,
          serviceAccountName: 'alicloud-csi-node',
          memMi: 45,
          cpuMillis: 4,
          containers: [
            {
              name: 'csi-plugin',
              image: 'registry-cn-hangzhou-vpc.ack.aliyuncs.com/acs/csi-plugin:v1.30.4',
              resources: { requests: r('100m', '128Mi'), limits: r('500m', '1Gi') },
            },
          ],
        },
      ];
    case 'eks':
      return [
        {
          name: 'aws-node',
          namespace: 'kube-system',
          kind: 'DaemonSet',
          priorityClassName: 'system-node-critical',
          hostNetwork: true,
          serviceAccountName: 'aws-node',
          memMi: 55,
          cpuMillis: 5,
          containers: [
            {
              name: 'aws-node',
              image: '602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v1.18.3-eksbuild.2',
              resources: { requests: r('25m') },
            },
            {
              name: 'aws-eks-nodeagent',
              image: '602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon/aws-network-policy-agent:v1.1.2-eksbuild.2',
              resources: { requests: r('25m') },
            },
          ],
        },
        {
          ...KUBE_PROXY(version),
          containers: [
            {
              name: 'kube-proxy',
              image: `602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/kube-proxy:${version}-minimal-eksbuild.2`,
              resources: { requests: r('100m') },
            },
          ],
        },
        {
          name: 'eks-pod-identity-agent',
          namespace: 'kube-system',
          kind: 'DaemonSet',
          hostNetwork: true,
          serviceAccountName: 'eks-pod-identity-agent',
          memMi: 12,
          cpuMillis: 1,
          containers: [
            {
              name: 'eks-pod-identity-agent',
              image: '602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/eks-pod-identity-agent:0.1.10',
              resources: {},
            },
          ],
        },
      ];
    case 'gke':
      return [
        {
          ...KUBE_PROXY(version),
          kind: 'Static',
          containers: [
            {
              name: 'kube-proxy',
              image: `gke.gcr.io/kube-proxy-amd64:${version}-gke.1200000`,
              resources: { requests: r('100m') },
            },
          ],
        },
        {
          name: 'fluentbit-gke',
          namespace: 'kube-system',
          kind: 'DaemonSet',
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'fluentbit-gke',
          memMi: 38,
          cpuMillis: 6,
          containers: [
            {
              name: 'fluentbit',
              image: 'gke.gcr.io/fluent-bit:v1.8.12-gke.44',
              resources: { requests: r('50m', '100Mi'), limits: r(undefined, '250Mi') },
            },
            {
              name: 'fluentbit-gke',
              image: 'gke.gcr.io/fluent-bit-gke-exporter:v0.28.0-gke.9',
              resources: { requests: r('50m', '100Mi'), limits: r(undefined, '250Mi') },
            },
          ],
        },
        {
          name: 'pdcsi-node',
          namespace: 'kube-system',
          kind: 'DaemonSet',
          priorityClassName: 'system-node-critical',
          hostNetwork: true,
          serviceAccountName: 'pdcsi-node-sa',
          memMi: 14,
          cpuMillis: 2,
          containers: [
            {
              name: 'csi-driver-registrar',
              image: 'gke.gcr.io/csi-node-driver-registrar:v2.9.4-gke.10',
              resources: { requests: r('5m', '10Mi'), limits: r(undefined, '50Mi') },
            },
            {
              name: 'gce-pd-driver',
              image: 'gke.gcr.io/gcp-compute-persistent-disk-csi-driver:v1.13.1-gke.0',
              resources: { requests: r('5m', '20Mi'), limits: r(undefined, '50Mi') },
            },
          ],
        },
      ];
  }
}

/** kubeadm control-plane static pods (names get the node name appended). */
export function controlPlaneStatics(version: string): readonly PodTemplate[] {
  return memoised(`statics/${version}`, () => buildControlPlaneStatics(version));
}

function buildControlPlaneStatics(version: string): PodTemplate[] {
  const s = (
    name: string,
    image: string,
    cpu: string,
    mem: string | undefined,
    memMi: number,
    cpuMillis: number,
  ): PodTemplate => ({
    name,
    namespace: 'kube-system',
    kind: 'Static',
    priorityClassName: 'system-node-critical',
    hostNetwork: true,
    memMi,
    cpuMillis,
    containers: [{ name, image, resources: { requests: r(cpu, mem) } }],
  });
  return [
    s('etcd', 'registry.k8s.io/etcd:3.5.21-0', '100m', '100Mi', 180, 40),
    s('kube-apiserver', `registry.k8s.io/kube-apiserver:${version}`, '250m', undefined, 620, 120),
    s('kube-controller-manager', `registry.k8s.io/kube-controller-manager:${version}`, '200m', undefined, 95, 25),
    s('kube-scheduler', `registry.k8s.io/kube-scheduler:${version}`, '100m', undefined, 40, 6),
  ];
}

export const COREDNS: PodTemplate = {
  name: 'coredns',
  namespace: 'kube-system',
  kind: 'Deployment',
  priorityClassName: 'system-cluster-critical',
  serviceAccountName: 'coredns',
  memMi: 22,
  cpuMillis: 4,
  containers: [
    {
      name: 'coredns',
      image: 'registry.k8s.io/coredns/coredns:v1.12.0',
      resources: { requests: r('100m', '70Mi'), limits: r(undefined, '170Mi') },
    },
  ],
};

export const METRICS_SERVER: PodTemplate = {
  name: 'metrics-server',
  namespace: 'kube-system',
  kind: 'Deployment',
  priorityClassName: 'system-cluster-critical',
  serviceAccountName: 'metrics-server',
  memMi: 30,
  cpuMillis: 5,
  containers: [
    {
      name: 'metrics-server',
      image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.2',
      resources: { requests: r('100m', '200Mi') },
    },
  ],
};

/** Application workloads spread over workers: a mix of Guaranteed, Burstable and BestEffort pods. */
export const APPS: readonly PodTemplate[] = [
  {
    name: 'web-frontend',
    namespace: 'shop',
    kind: 'Deployment',
    memMi: 90,
    cpuMillis: 40,
    containers: [
      {
        name: 'nginx',
        image: 'docker.io/library/nginx:1.27.2',
        resources: { requests: r('100m', '128Mi'), limits: r('500m', '256Mi') },
      },
    ],
  },
  {
    name: 'checkout',
    namespace: 'shop',
    kind: 'Deployment',
    memMi: 180,
    cpuMillis: 60,
    containers: [
      {
        name: 'checkout',
        image: 'ghcr.io/acme/checkout:2.14.1',
        resources: { requests: r('250m', '256Mi'), limits: r('250m', '256Mi') },
      },
    ],
  },
  {
    name: 'cart',
    namespace: 'shop',
    kind: 'Deployment',
    memMi: 140,
    cpuMillis: 30,
    containers: [
      {
        name: 'cart',
        image: 'ghcr.io/acme/cart:1.9.0',
        resources: { requests: r('100m', '128Mi'), limits: r('300m', '256Mi') },
      },
      {
        name: 'istio-proxy',
        image: 'docker.io/istio/proxyv2:1.23.2',
        resources: { requests: r('100m', '128Mi'), limits: r('2', '1Gi') },
      },
    ],
  },
  {
    name: 'payments-api',
    namespace: 'payments',
    kind: 'Deployment',
    memMi: 380,
    cpuMillis: 120,
    containers: [
      {
        name: 'api',
        image: 'ghcr.io/acme/payments-api:5.2.0',
        resources: { requests: r('500m', '512Mi'), limits: r('500m', '512Mi') },
      },
    ],
  },
  {
    name: 'batch-worker',
    namespace: 'batch',
    kind: 'Deployment',
    memMi: 60,
    cpuMillis: 80,
    containers: [{ name: 'worker', image: 'ghcr.io/acme/batch-worker:0.8.3', resources: {} }],
  },
  {
    name: 'debug-shell',
    namespace: 'default',
    kind: 'Deployment',
    memMi: 4,
    cpuMillis: 1,
    containers: [{ name: 'shell', image: 'docker.io/library/busybox:1.36', resources: {} }],
  },
  {
    name: 'grafana',
    namespace: 'monitoring',
    kind: 'Deployment',
    memMi: 110,
    cpuMillis: 15,
    containers: [
      {
        name: 'grafana',
        image: 'docker.io/grafana/grafana:11.2.2',
        resources: { requests: r('100m', '128Mi'), limits: r(undefined, '512Mi') },
      },
    ],
  },
  {
    name: 'orders-db',
    namespace: 'shop',
    kind: 'StatefulSet',
    memMi: 420,
    cpuMillis: 70,
    containers: [
      {
        name: 'postgres',
        image: 'docker.io/library/postgres:16.4',
        resources: { requests: r('500m', '1Gi'), limits: r('1', '1Gi') },
      },
    ],
  },
];

export const REPORT_JOB: PodTemplate = {
  name: 'nightly-report',
  namespace: 'batch',
  kind: 'Job',
  memMi: 0,
  cpuMillis: 0,
  containers: [
    {
      name: 'report',
      image: 'ghcr.io/acme/report:1.0.4',
      resources: { requests: r('200m', '256Mi'), limits: r('1', '512Mi') },
    },
  ],
};

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/**
 * status.qosClass per the Kubernetes QoS rules: Guaranteed when every container sets cpu and memory limits
 * equal to its requests (requests default to limits), BestEffort when no container sets any, else Burstable.
 */
export function qosClassOf(containers: readonly ContainerTemplate[]): QosClass {
  const any = containers.some(
    (c) => Object.keys(c.resources.requests ?? {}).length + Object.keys(c.resources.limits ?? {}).length > 0,
  );
  if (!any) return 'BestEffort';
  const guaranteed = containers.every((c) => {
    const lim = c.resources.limits ?? {};
    const req = { ...lim, ...(c.resources.requests ?? {}) };
    return ['cpu', 'memory'].every((k) => lim[k] !== undefined && lim[k] === req[k]);
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
