/**
 * The demo's clusters beyond the first (`sim-admin`/`sim-viewer`, demo-layout.ts) as the generated kubeconfig
 * names them. Tests (e2e, unit) and docs refer to these names, so they are stable.
 */
export const DEMO_CONTEXTS = {
  /** the first cluster, unchanged: the demo cast of demo-layout.ts */
  primary: 'sim-admin',
  primaryViewer: 'sim-viewer',
  /** a kubeasz binary install (scenario-clusters.ts) */
  kubeasz: 'kubeasz-idc',
  /** an ACK-like managed cluster with a pending CSR flood (scenario-clusters.ts) */
  ack: 'ack-hangzhou',
  /** deliberately broken: its server URL points at a port nothing listens on (connection refused) */
  unreachable: 'deliberately-broken-unreachable',
  /** deliberately broken: the kubeasz cluster with a token it does not know (401 Unauthorized) */
  badCredentials: 'deliberately-broken-credentials',
} as const;

/** Server version each demo cluster reports at /version (ACK appends its own suffix, as real ACK does). */
export const DEMO_CLUSTER_VERSIONS = {
  kubeasz: 'v1.28.15',
  ack: 'v1.31.9-aliyun.1',
} as const;

export const DEMO_CLUSTER_NODES = {
  kubeasz: {
    master: '192.168.10.11',
    workers: ['192.168.10.21', '192.168.10.22', '192.168.10.23', '192.168.10.24', '192.168.10.25', '192.168.10.26'],
    /** NotReady, kubelet unreachable */
    notReady: '192.168.10.25',
    /** DiskPressure */
    diskPressure: '192.168.10.26',
    /** SYS_RESERVED_ENABLED=yes: systemReserved set, unlike its pool */
    driftSystemReserved: '192.168.10.24',
  },
  ack: [
    'cn-hangzhou.10.1.0.21',
    'cn-hangzhou.10.1.0.22',
    'cn-hangzhou.10.1.0.23',
    'cn-hangzhou.10.1.0.24',
    'cn-hangzhou.10.1.1.31',
    'cn-hangzhou.10.1.1.32',
  ],
  /** MemoryPressure */
  ackMemoryPressure: 'cn-hangzhou.10.1.0.23',
} as const;

/** The ACK cluster's CSR flood: this many pending serving CSRs (every node asks again and again), some hostile. */
export const ACK_FLOOD = { pending: 40, hostile: 4 } as const;
