import type { NodeModel, PodModel } from './model';
import { qosClassOf, type PodTemplate } from './pod-templates';
import { rfc3339, type Rng } from './rng';
import type { KubeObject } from './types';

const PRIORITY = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 } as const;

const TOLERATE_ALL = Object.freeze([{ operator: 'Exists' }]);
// Added to every pod by the DefaultTolerationSeconds admission plugin.
const DEFAULT_TOLERATIONS = Object.freeze([
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
]);

/** Container specs are shared by every pod of a template: 150 000 pods must stay cheap. */
const containerSpecs = new WeakMap<PodTemplate, readonly object[]>();
function containersOf(t: PodTemplate): readonly object[] {
  let spec = containerSpecs.get(t);
  if (!spec) {
    spec = Object.freeze(
      t.containers.map((c) => ({
        name: c.name,
        image: c.image,
        imagePullPolicy: 'IfNotPresent',
        resources: c.resources,
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      })),
    );
    containerSpecs.set(t, spec);
  }
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
  owner?: { apiVersion: string; kind: string; name: string; uid: string };
}

function podIP(node: NodeModel, index: number): string {
  const base = node.podCIDR.split('/')[0] ?? '10.244.0.0';
  const parts = base.split('.');
  return `${parts[0]}.${parts[1]}.${parts[2]}.${(index % 250) + 2}`;
}

/** A Pod as the apiserver returns it, plus the lightweight model the usage code reads. */
export function buildPod(input: PodInput): PodModel {
  const { template: t, node, rng, phase } = input;
  const uid = rng.uuid();
  const created = rfc3339(input.created);
  const started = rfc3339(input.created.getTime() + 2000);
  const hostNetwork = t.hostNetwork === true;
  const ip = node ? (hostNetwork ? node.internalIP : podIP(node, input.ipIndex)) : undefined;
  const labels: Record<string, string> =
    t.kind === 'Static' ? { component: t.name, tier: 'node' } : { 'app.kubernetes.io/name': t.name };
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
              ? { terminated: { exitCode: 0, reason: 'Completed', startedAt: started, finishedAt: rfc3339(input.created.getTime() + 95000) } }
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
      ...(t.kind !== 'Static' && t.kind !== 'StatefulSet' ? { generateName: input.name.slice(0, input.name.lastIndexOf('-') + 1) } : {}),
      labels,
      ...(t.kind === 'Static' ? { annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.mirror': rng.hex(32) } } : {}),
      ...(input.owner ? { ownerReferences: [{ ...input.owner, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec: {
      containers: containersOf(t),
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
    },
    status: {
      phase,
      qosClass: qosClassOf(t.containers),
      ...(node
        ? {
            hostIP: node.internalIP,
            hostIPs: [{ ip: node.internalIP }],
            ...(phase === 'Running' && ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
            startTime: started,
            containerStatuses,
          }
        : {
            conditions: [{
              type: 'PodScheduled', status: 'False', reason: 'Unschedulable', lastProbeTime: null, lastTransitionTime: created,
              message: '0/20 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 19 Insufficient memory. preemption: 0/20 nodes are available: 20 No preemption victims found for incoming pod.',
            }],
          }),
    },
  };
  return {
    object,
    name: input.name,
    namespace: t.namespace,
    uid,
    startTime: started,
    containers: t.containers.map((c) => c.name),
    running: phase === 'Running',
    cpuMillis: t.cpuMillis * (0.7 + 0.6 * rng.next()),
    memoryBytes: Math.round(t.memMi * (0.8 + 0.4 * rng.next()) * 1048576),
    hostNetwork,
  };
}
