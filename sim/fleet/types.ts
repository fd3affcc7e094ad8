/**
 * Contract between the simulated cluster's data model (`sim/fleet/*`) and its HTTPS API server (`sim/server/*`).
 * The fleet owns *what* the cluster looks like (nodes, kubelets, pods, usage, CSRs); the server owns storage
 * (resourceVersion, watches, RBAC, wire formats). Everything here is plain JSON as the real apiserver sends it.
 */

interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  /** Owned by the server's store; the fleet leaves it unset. */
  resourceVersion?: string;
  creationTimestamp: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Any Kubernetes object as JSON (Node, Pod, CertificateSigningRequest, ConfigMap, NodeMetrics…). */
export type KubeObject = { apiVersion: string; kind: string; metadata: ObjectMeta } & Record<string, unknown>;

/**
 * How a node's kubelet is configured. The profiles differ in hardening on purpose (the dashboard's posture page):
 * kubeadm defaults, a CIS-hardened kubeadm pool, a legacy flags-only binary install, and the managed clouds'.
 */
export type ProfileName =
  'kubeadm' | 'kubeadm-hardened' | 'managed-ack' | 'binary-kubeasz' | 'binary-legacy' | 'eks' | 'gke';

/** How a node's kubelet misbehaves when the apiserver proxies to it. */
export type KubeletFault =
  /** apiserver cannot dial the kubelet: 502/503 Status like a real apiserver ("error trying to reach service: dial tcp …"). */
  | { kind: 'unreachable' }
  /** kubelet rejects the apiserver's client cert: the kubelet's own 403 body passed through. */
  | { kind: 'forbidden' }
  /** kubelet answers after this delay. */
  | { kind: 'slow'; delayMs: number }
  /** kubelet answers 200 with a body that is not valid JSON. */
  | { kind: 'malformed' }
  /** kubelet never answers (the request hangs until the client gives up). */
  | { kind: 'hung' }
  /**
   * kubelet runs with enableDebuggingHandlers: false: /configz is registered with the debugging handlers
   * (pkg/kubelet/server/server.go), so the kubelet answers its own plain-text 404; stats/summary still works.
   */
  | { kind: 'no-configz' };

/** Per-request latency added to node-proxy requests (scale scenario). */
export interface LatencyModel {
  medianMs: number;
  /** fraction of requests that take about `tailMs` */
  tailFraction: number;
  tailMs: number;
  /** fraction of requests that never answer (until the client disconnects) */
  hungFraction: number;
}

export interface SimNode {
  name: string;
  /** The Node object (apiVersion v1, kind Node) with status consistent with the kubelet config. Mutated by tick(). */
  object: KubeObject;
  kubeletVersion: string; // e.g. "v1.33.2"
  profile: ProfileName;
  /** Effective KubeletConfiguration as configz serves it inside {"kubeletconfig": …}. */
  kubeletConfig: Record<string, unknown>;
  fault?: KubeletFault;
}

export interface TickResult {
  /** Nodes whose `object` changed (conditions, heartbeat): the server bumps their resourceVersion and emits MODIFIED. */
  changedNodes: SimNode[];
  /** New CSRs to create (demo scenario adds a pending one now and then). */
  newCsrs: KubeObject[];
}

/**
 * `demo` and `scale` are the first cluster's two shapes; `kubeasz` and `ack` are the demo's second and third
 * clusters (scenario-clusters.ts).
 */
export type Scenario = 'demo' | 'scale' | 'kubeasz' | 'ack';

export interface Fleet {
  scenario: Scenario;
  /** what /version reports as gitVersion (the control plane's version, not a kubelet's) */
  serverVersion: string;
  /** Whether metrics-server is installed (metrics.k8s.io served and in discovery). The server may flip this at run time. */
  metricsEnabled: boolean;
  latency: LatencyModel | null;
  nodes: SimNode[];
  pods: KubeObject[];
  csrs: KubeObject[];
  /** Includes kube-system/kubelet-config (kubeadm's ConfigMap, key `kubelet` holds the YAML). */
  configMaps: KubeObject[];
  /** stats/v1alpha1 Summary for a node at `now`, consistent with its status, config and metrics. */
  summary(nodeName: string, now: Date, onlyCpuAndMemory: boolean): Record<string, unknown>;
  /** metrics.k8s.io/v1beta1 NodeMetrics at `now` (undefined for a node whose kubelet cannot be scraped). */
  nodeMetrics(nodeName: string, now: Date): KubeObject | undefined;
  /** metrics.k8s.io/v1beta1 PodMetrics for every pod on every scrapeable node at `now`. */
  podMetrics(now: Date): KubeObject[];
  /** Advance simulated time: usage moves, pressure conditions follow thresholds. */
  tick(now: Date): Promise<TickResult>;
}

export interface FleetOptions {
  scenario: Scenario;
  /** scale scenario only; default 5000 */
  nodes?: number;
  /** default true */
  metrics?: boolean;
  /** scale scenario: latency model on by default; false turns it off. demo: always off (faults are per node). */
  latency?: boolean;
  /** deterministic generation: same seed, same cluster */
  seed?: number;
  now: Date;
  /** Added by sim/fleet: extra good pending kubelet-serving CSRs (scale default 1000, demo default 0). */
  pendingCsrs?: number;
  /** Added by sim/fleet: demo tick() adds a pending CSR this often (default 120; 0 = off; scale: off). */
  csrIntervalSeconds?: number;
}
