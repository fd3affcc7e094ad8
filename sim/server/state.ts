/**
 * Everything one running sim holds: the fleet, its stores and resource descriptions, caches the hot
 * paths use (pods by node, serialised configz), and request statistics for benchmarks.
 */
import { randomUUID } from 'node:crypto';
import type { Fleet, KubeObject, SimNode } from '../fleet/types';
import type { ResourceDef } from './resource';
import type { FieldRequirement } from './selectors';
import { Clock, Store, keyOf } from './store';
import { CONFIGMAP_TABLE, CSR_TABLE, NAMESPACE_TABLE, NODE_TABLE, POD_TABLE } from './tables';
import type { CertAuthority } from './tls';

export interface SimStats {
  maxInFlightProxy: number;
  inFlightProxy: number;
  requestsByKind: Record<string, number>;
  total: number;
  /** TLS connections accepted (a client without keep-alive opens one per request) */
  tlsConnections: number;
}

const BASE_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

function namespaceObject(name: string, created: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, uid: randomUUID(), creationTimestamp: created, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const field = (o: KubeObject, section: string, key: string) =>
  str((o[section] as Record<string, unknown> | undefined)?.[key]);

export class SimState {
  readonly clock = new Clock();
  readonly nodes: ResourceDef;
  readonly pods: ResourceDef;
  readonly csrs: ResourceDef;
  readonly configmaps: ResourceDef;
  readonly namespaces: ResourceDef;
  readonly nodesByName = new Map<string, SimNode>();
  private readonly podKeysByNode = new Map<string, string[]>();
  private readonly configzCache = new Map<string, Buffer>();
  stats: SimStats = SimState.emptyStats();
  /** closers of the open watch streams (watch.ts) */
  readonly openWatches = new Set<() => void>();
  /**
   * A simulated API-server outage (simctl): every request but /simctl gets this 503 and open watches are
   * dropped, as clients see when the apiserver behind a load balancer goes away or loses etcd.
   */
  outage = false;

  constructor(
    readonly fleet: Fleet,
    readonly ca: CertAuthority,
  ) {
    const store = () => new Store(this.clock);
    this.nodes = {
      gr: { group: '', resource: 'nodes' },
      kind: 'Node',
      listKind: 'NodeList',
      apiVersion: 'v1',
      namespaced: false,
      store: store(),
      table: NODE_TABLE,
      fields: {
        'spec.unschedulable': (o) =>
          String(Boolean((o.spec as { unschedulable?: boolean } | undefined)?.unschedulable)),
      },
    };
    this.pods = {
      gr: { group: '', resource: 'pods' },
      kind: 'Pod',
      listKind: 'PodList',
      apiVersion: 'v1',
      namespaced: true,
      store: store(),
      table: POD_TABLE,
      fields: {
        'spec.nodeName': (o) => field(o, 'spec', 'nodeName'),
        'status.phase': (o) => field(o, 'status', 'phase'),
        'status.podIP': (o) => field(o, 'status', 'podIP'),
      },
      index: (reqs) => this.podIndex(reqs),
    };
    this.csrs = {
      gr: { group: 'certificates.k8s.io', resource: 'certificatesigningrequests' },
      kind: 'CertificateSigningRequest',
      listKind: 'CertificateSigningRequestList',
      apiVersion: 'certificates.k8s.io/v1',
      namespaced: false,
      store: store(),
      table: CSR_TABLE,
      fields: { 'spec.signerName': (o) => field(o, 'spec', 'signerName') },
    };
    this.configmaps = {
      gr: { group: '', resource: 'configmaps' },
      kind: 'ConfigMap',
      listKind: 'ConfigMapList',
      apiVersion: 'v1',
      namespaced: true,
      store: store(),
      table: CONFIGMAP_TABLE,
      fields: {},
    };
    this.namespaces = {
      gr: { group: '', resource: 'namespaces' },
      kind: 'Namespace',
      listKind: 'NamespaceList',
      apiVersion: 'v1',
      namespaced: false,
      store: store(),
      table: NAMESPACE_TABLE,
      fields: { 'status.phase': (o) => field(o, 'status', 'phase') },
    };

    for (const n of fleet.nodes) this.nodesByName.set(n.name, n);
    this.nodes.store.seed(fleet.nodes.map((n) => n.object));
    this.pods.store.seed(fleet.pods);
    for (const pod of fleet.pods) {
      const node = field(pod, 'spec', 'nodeName') ?? '';
      const keys = this.podKeysByNode.get(node) ?? [];
      keys.push(keyOf(pod.metadata));
      this.podKeysByNode.set(node, keys);
    }
    for (const keys of this.podKeysByNode.values()) keys.sort();
    this.csrs.store.seed(fleet.csrs);
    this.configmaps.store.seed(fleet.configMaps);
    const created = fleet.nodes[0]?.object.metadata.creationTimestamp ?? new Date().toISOString();
    const names = new Set([
      ...BASE_NAMESPACES,
      ...fleet.pods.map((p) => p.metadata.namespace ?? 'default'),
      ...fleet.configMaps.map((c) => c.metadata.namespace ?? 'default'),
    ]);
    this.namespaces.store.seed([...names].map((n) => namespaceObject(n, created)));
  }

  static emptyStats(): SimStats {
    return { maxInFlightProxy: 0, inFlightProxy: 0, requestsByKind: {}, total: 0, tlsConnections: 0 };
  }

  /** Pods on one node answer from the index instead of scanning 150,000 pods. */
  private podIndex(reqs: FieldRequirement[]): readonly string[] | undefined {
    const byNode = reqs.find((r) => r.field === 'spec.nodeName' && r.op === 'eq');
    return byNode ? (this.podKeysByNode.get(byNode.value) ?? []) : undefined;
  }

  /** `{"kubeletconfig": …}` serialised once per node: configz is the hottest path in the benchmarks. */
  configz(node: SimNode): Buffer {
    let body = this.configzCache.get(node.name);
    if (body === undefined) {
      body = Buffer.from(JSON.stringify({ kubeletconfig: node.kubeletConfig }));
      this.configzCache.set(node.name, body);
    }
    return body;
  }

  async tick(now: Date): Promise<void> {
    const result = await this.fleet.tick(now);
    for (const node of result.changedNodes) this.nodes.store.put(node.object);
    for (const csr of result.newCsrs) {
      if (!this.csrs.store.get(keyOf(csr.metadata))) this.csrs.store.put(csr);
    }
  }

  count(kind: string): void {
    this.stats.total++;
    this.stats.requestsByKind[kind] = (this.stats.requestsByKind[kind] ?? 0) + 1;
  }
}
