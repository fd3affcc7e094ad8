import type { NodeModel, PodModel } from './model';
import { qosClassOf, type PodTemplate, type QosClass } from './pod-templates';
import { rfc3339, type Rng } from './rng';
import type { KubeObject } from './types';

const PRIORITY = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 } as const;

const TOLERATE_ALL = Object.freeze([{ operator: 'Exists' }]);
// Added to every pod by the DefaultTolerationSeconds admission plugin.
const DEFAULT_TOLERATIONS = Object.freeze([
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
]);

/**
 * Everything that is the same for every pod of a template (or of a template on one node) is built once and
 * shared, frozen, between pods: the scale scenario has 150,000 pods, and per-pod copies of container specs,
 * labels and specs made startup slow and GC-bound. Pods are read-only after creation, so sharing is safe.
 */
interface TemplateParts {
  containers: readonly object[];
  labels: Readonly<Record<string, string>>;
  containerNames: readonly string[];
  qosClass: QosClass;
}

const templateParts = new WeakMap<PodTemplate, TemplateParts>();
function partsOf(t: PodTemplate): TemplateParts {
  let parts = templateParts.get(t);
  if (!parts) {
    const labels: Record<string, string> =
      t.kind === 'Static' ? { component: t.name, tier: 'node' } : { 'app.kubernetes.io/name': t.name };
    parts = Object.freeze({
      containers: Object.freeze(
        t.containers.map((c) =>
          Object.freeze({
            name: c.name,
            image: c.image,
            imagePullPolicy: 'IfNotPresent',
            resources: c.resources,
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          }),
        ),
      ),
      labels: Object.freeze(labels),
      containerNames: Object.freeze(t.containers.map((c) => c.name)),
      qosClass: qosClassOf(t.containers),
    });
    templateParts.set(t, parts);
  }
  return parts;
}

function buildSpec(t: PodTemplate, node: NodeModel | undefined): Readonly<Record<string, unknown>> {
  const hostNetwork = t.hostNetwork === true;
  return Object.freeze({
    containers: partsOf(t).containers,
    dnsPolicy: hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    enableServiceLinks: true,
    ...(hostNetwork ? { hostNetwork: true } : {}),
    ...(node ? { nodeName: node.name } : {}),
    preemptionPolicy: 'PreemptLowerPriority',
    priority: t.priorityClassName ? PRIORITY[t.priorityClassName] : 0,
    ...(t.priorityClassName ? { priorityClassName: t.priorityClassName } : {}),
    restartPolicy: t.kind === 'Job' ? 'Never' : 'Always',
    schedulerName: 'default-scheduler',
    serviceAccountName: t.serviceAccountName ?? 'default',
    terminationGracePeriodSeconds: 30,
    tolerations: t.kind === 'DaemonSet' || t.kind === 'Static' ? TOLERATE_ALL : DEFAULT_TOLERATIONS,
  });
}

/** Per-node facts every pod on the node repeats: pod spec per template, hostIPs, the pod CIDR's /24 prefix. */
interface NodeParts {
  specs: Map<PodTemplate, Readonly<Record<string, unknown>>>;
  hostIPs: readonly object[];
  podIpPrefix: string;
}

const nodeParts = new WeakMap<NodeModel, NodeParts>();
function nodePartsOf(node: NodeModel): NodeParts {
  let parts = nodeParts.get(node);
  if (!parts) {
    const base = node.podCIDR.split('/')[0] ?? '10.244.0.0';
    const [a, b, c] = base.split('.');
    parts = {
      specs: new Map(),
      hostIPs: Object.freeze([Object.freeze({ ip: node.internalIP })]),
      podIpPrefix: `${a}.${b}.${c}.`,
    };
    nodeParts.set(node, parts);
  }
  return parts;
}

function specOf(t: PodTemplate, node: NodeModel | undefined): Readonly<Record<string, unknown>> {
  if (!node) return buildSpec(t, undefined);
  const { specs } = nodePartsOf(node);
  let spec = specs.get(t);
  if (!spec) specs.set(t, (spec = buildSpec(t, node)));
  return spec;
}

export type PodPhase = 'Running' | 'Pending' | 'Succeeded';

export interface PodInput {
  template: PodTemplate;
  node?: NodeModel;
  /** index of the pod on its node, used for its IP */
  ipIndex: number;
  phase: PodPhase;
  /** Pending with a node: ContainerCreating; without: Unschedulable */
  created: Date;
  rng: Rng;
  /** ReplicaSet hash or StatefulSet ordinal etc. are resolved by the caller */
  name: string;
  /** metadata.ownerReferences, shared by every pod of one owner (see PodNaming.ownerReferences) */
  ownerReferences?: readonly object[];
}

function podIP(node: NodeModel, index: number): string {
  return `${nodePartsOf(node).podIpPrefix}${(index % 250) + 2}`;
}

/** A Pod as the apiserver returns it, plus the lightweight model the usage code reads. */
export function buildPod(input: PodInput): PodModel {
  const { template: t, node, rng, phase } = input;
  const uid = rng.uuid();
  const created = rfc3339(input.created);
  const started = rfc3339(input.created.getTime() + 2000);
  const hostNetwork = t.hostNetwork === true;
  const ip = node ? (hostNetwork ? node.internalIP : podIP(node, input.ipIndex)) : undefined;
  const parts = partsOf(t);
  const containerStatuses = node
    ? t.containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        containerID: phase === 'Pending' ? undefined : `containerd://${rng.hex(64)}`,
        ready: phase === 'Running',
        restartCount: 0,
        started: phase === 'Running',
        state:
          phase === 'Running'
            ? { running: { startedAt: started } }
            : phase === 'Succeeded'
              ? {
                  terminated: {
                    exitCode: 0,
                    reason: 'Completed',
                    startedAt: started,
                    finishedAt: rfc3339(input.created.getTime() + 95000),
                  },
                }
              : { waiting: { reason: 'ContainerCreating' } },
      }))
    : undefined;
  const object: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: input.name,
      namespace: t.namespace,
      uid,
      creationTimestamp: created,
      ...(t.kind !== 'Static' && t.kind !== 'StatefulSet'
        ? { generateName: input.name.slice(0, input.name.lastIndexOf('-') + 1) }
        : {}),
      labels: parts.labels,
      ...(t.kind === 'Static'
        ? { annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.mirror': rng.hex(32) } }
        : {}),
      ...(input.ownerReferences ? { ownerReferences: input.ownerReferences } : {}),
    },
    spec: specOf(t, node),
    status: {
      phase,
      qosClass: parts.qosClass,
      ...(node
        ? {
            hostIP: node.internalIP,
            hostIPs: nodePartsOf(node).hostIPs,
            ...(phase === 'Running' && ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
            startTime: started,
            containerStatuses,
          }
        : {
            conditions: [
              {
                type: 'PodScheduled',
                status: 'False',
                reason: 'Unschedulable',
                lastProbeTime: null,
                lastTransitionTime: created,
                message:
                  '0/20 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 19 Insufficient memory. preemption: 0/20 nodes are available: 20 No preemption victims found for incoming pod.',
              },
            ],
          }),
    },
  };
  return {
    object,
    name: input.name,
    namespace: t.namespace,
    uid,
    startTime: started,
    containers: parts.containerNames,
    running: phase === 'Running',
    cpuMillis: t.cpuMillis * (0.7 + 0.6 * rng.next()),
    memoryBytes: Math.round(t.memMi * (0.8 + 0.4 * rng.next()) * 1048576),
    hostNetwork,
  };
}
