/**
 * The demo scenario's fixed cast. Tests (unit, kubectl, e2e) and docs refer to these names, so they are stable.
 * Every fault, drift and pressure case the dashboard must show appears at least once.
 */
export const DEMO_VERSIONS = {
  current: 'v1.33.2',
  ack: 'v1.31.9',
  eksNew: 'v1.32.5',
  eksOld: 'v1.30.13',
  gke: 'v1.32.4',
  kubeaszNew: 'v1.28.15',
  kubeaszOld: 'v1.27.16',
  kubeadmOld: 'v1.29.15',
  legacy: 'v1.27.16',
} as const;

export const DEMO_NODES = {
  controlPlane: 'k8s-cp-1',
  /** kubeadm workers matching the kube-system/kubelet-config ConfigMap */
  kubeadmClean: ['k8s-worker-1', 'k8s-worker-2'],
  /** under MemoryPressure: memory.available below its hard threshold */
  memoryPressure: 'k8s-worker-2',
  /** drift: maxPods 64 set by --max-pods in KUBELET_EXTRA_ARGS (ConfigMap says 32) */
  driftMaxPods: 'k8s-worker-3',
  /** drift: evictionHard memory.available 500Mi (ConfigMap says 300Mi) */
  driftEviction: 'k8s-worker-4',
  /** drift: old kubelet (v1.29.15) */
  oldKubelet: 'k8s-worker-5',
  /** drift: cgroupDriver cgroupfs (ConfigMap says systemd) */
  driftCgroupDriver: 'k8s-worker-6',
  /** NotReady and its kubelet unreachable */
  notReady: 'k8s-worker-7',
  /** under DiskPressure: nodefs.available below its hard threshold */
  diskPressure: 'k8s-worker-8',
  ack: ['cn-hangzhou.10.0.1.11', 'cn-hangzhou.10.0.1.12'],
  /** kubelet answers after ~2.5 s */
  slow: 'cn-hangzhou.10.0.1.12',
  kubeasz: ['kubeasz-node-1', 'kubeasz-node-2'],
  /** kubelet returns malformed JSON for configz and stats/summary */
  malformed: 'kubeasz-node-2',
  eks: ['ip-10-0-1-23.ec2.internal', 'ip-10-0-2-47.ec2.internal'],
  /** Ready, but the apiserver cannot dial its kubelet */
  unreachable: 'ip-10-0-2-47.ec2.internal',
  gke: ['gke-prod-default-pool-1a2b3c4d-x9k2', 'gke-prod-default-pool-1a2b3c4d-q7mz'],
  /** kubelet answers the apiserver's proxy with 403 */
  forbidden: 'gke-prod-default-pool-1a2b3c4d-q7mz',
  /** posture: a kubeadm worker hardened to CIS 1.12 §4.2 and the STIG's kubelet rules */
  hardened: 'k8s-hardened-1',
  /** posture: a flags-only binary install: anonymous auth, AlwaysAllow, read-only port 10255 */
  legacy: 'legacy-node-1',
  /** kubelet runs with enableDebuggingHandlers: false and answers its own 404 for /configz (stats still work) */
  noConfigz: 'kubeasz-node-1',
} as const;

/** A node that has not joined yet: its bootstrap client CSR is pending. No Node object exists for it. */
export const DEMO_JOINING_NODE = 'k8s-worker-9';

/** CSR names are real-looking (`csr-` + 5 chars, as kubelets generate them) but fixed. */
export const DEMO_CSRS = {
  /** pending kubelet-serving for k8s-worker-1, SANs = its addresses: passes every check */
  goodServing: 'csr-7x2kq',
  /** pending kubelet-serving for cn-hangzhou.10.0.1.11: passes every check */
  goodServing2: 'csr-m4p9d',
  /** pending kube-apiserver-client-kubelet from bootstrap token system:bootstrap:abcdef for k8s-worker-9 */
  goodBootstrapClient: 'csr-b9sd2',
  /** pending kube-apiserver-client-kubelet renewal by system:node:k8s-worker-2 itself */
  goodClientRenewal: 'csr-r2n8w',
  /** hostile: serving CSR from k8s-worker-3 whose IP SANs include k8s-worker-1's InternalIP */
  hostileOtherNodeIp: 'csr-h1ip7',
  /** hostile: serving CSR from k8s-worker-4 with DNS SAN kubernetes.default.svc and api.attacker.example */
  hostileOutsideDns: 'csr-h2dns',
  /** hostile: serving CSR requested by system:node:k8s-worker-5 with CN system:node:k8s-cp-1 */
  hostileCnMismatch: 'csr-h3cnm',
  /** hostile: serving signer asked for `client auth` usage */
  hostileClientUsage: 'csr-h4usg',
  /** hostile: spec.request is not valid PKCS#10 */
  hostileInvalidRequest: 'csr-h5bad',
  /** another signer (example.com/mtls) from a user */
  otherSigner: 'csr-o1sig',
  /** approved by kubectl and issued (status.certificate set) */
  approvedIssued: 'csr-a1ok0',
  /** client certificate renewal by k8s-worker-8, approved by the csrapproving controller and issued */
  autoApproved: 'csr-a2aut',
  /** kubelet-serving for ip-10-0-1-23.ec2.internal approved by EKS (eks:certificate-controller) and issued */
  eksApproved: 'csr-e1eks',
  /** kubelet-serving for k8s-worker-6 with expirationSeconds 30 d, issued 40 d ago: its certificate has expired */
  expiredIssued: 'csr-x1exp',
  /** hostile: bootstrap token asks for the client identity of k8s-worker-2, which is already registered */
  hostileBootstrapExisting: 'csr-h6rej',
  /** denied with a reason */
  denied: 'csr-d1no0',
  /** approved but signing Failed */
  failed: 'csr-f1fai',
} as const;
