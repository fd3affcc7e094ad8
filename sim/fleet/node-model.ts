import { minorOf } from './kubelet-defaults';
import type { NodeModel, PodModel } from './model';
import { buildPod, type PodPhase } from './pods';
import { APPS, COREDNS, controlPlaneStatics, daemonSetsFor, REPORT_JOB, type PodTemplate } from './pod-templates';
import { effectiveConfig } from './profiles';
import { createRng, type Rng } from './rng';
import type { KubeletFault, ProfileName } from './types';

const KI = 1024n;
const GI = 1n << 30n;

export interface NodeInput {
  name: string;
  profile: ProfileName;
  version: string;
  role?: 'control-plane' | 'worker';
  arch?: 'amd64' | 'arm64';
  cpuCores: number;
  memoryGi: number;
  diskGi: number;
  instanceType?: string;
  region: string;
  zone: string;
  internalIP: string;
  externalIP?: string;
  internalDNS?: string;
  externalDNS?: string;
  podCIDR: string;
  providerID?: string;
  maxPods?: number;
  extraLabels?: Record<string, string>;
  osImage: string;
  kernelVersion: string;
  containerRuntimeVersion: string;
  local?: Record<string, unknown>;
  systemReservedEnabled?: boolean;
  notReady?: boolean;
  cordoned?: boolean;
  pressure?: 'memory' | 'disk';
  fault?: KubeletFault;
  createdAt: Date;
}

/** Machine facts with the small irregularities real ones have (MemTotal below nominal, fs overhead). */
export function makeNode(input: NodeInput, seed: number, now: Date): NodeModel {
  const rng = createRng(seed, `node/${input.name}`);
  const nominalMem = BigInt(input.memoryGi) * GI;
  // MemTotal: nominal minus kernel/firmware reservations, a multiple of 4 KiB
  const memoryBytes = nominalMem - BigInt(rng.int(50000, 105000)) * 4n * KI;
  const diskBytes = ((BigInt(input.diskGi) * GI * 967n) / 1000n / (4n * KI)) * 4n * KI;
  const minor = minorOf(input.version);
  const config = effectiveConfig({
    profile: input.profile,
    minor,
    cpuCores: input.cpuCores,
    memoryBytes: nominalMem,
    maxPods: input.maxPods,
    providerID: input.providerID,
    local: input.local,
    systemReservedEnabled: input.systemReservedEnabled,
  });
  const bootTime = new Date(now.getTime() - rng.int(3, 40) * 86400000 - rng.int(0, 86399) * 1000);
  const ec2 = input.profile === 'eks';
  const uuid = rng.uuid();
  return {
    name: input.name,
    uid: rng.uuid(),
    profile: input.profile,
    version: input.version,
    minor,
    role: input.role ?? 'worker',
    arch: input.arch ?? 'amd64',
    cpuCores: input.cpuCores,
    memoryBytes,
    diskBytes,
    inodes: Math.round(Number(diskBytes) / 16384),
    instanceType: input.instanceType,
    region: input.region,
    zone: input.zone,
    internalIP: input.internalIP,
    externalIP: input.externalIP,
    internalDNS: input.internalDNS,
    externalDNS: input.externalDNS,
    podCIDR: input.podCIDR,
    providerID: input.providerID,
    extraLabels: input.extraLabels ?? {},
    osImage: input.osImage,
    kernelVersion: input.kernelVersion,
    containerRuntimeVersion: input.containerRuntimeVersion,
    machineID: rng.hex(32),
    // EC2 system UUIDs start with "ec2"; others are upper-case DMI UUIDs
    systemUUID: ec2 ? `ec2${uuid.slice(3)}` : uuid.toUpperCase(),
    bootID: rng.uuid(),
    createdAt: input.createdAt,
    bootTime: bootTime < input.createdAt ? input.createdAt : bootTime,
    notReady: input.notReady ?? false,
    cordoned: input.cordoned ?? false,
    pressure: input.pressure,
    fault: input.fault,
    config,
    pods: [],
    key: `${seed}/${input.name}`,
  };
}

export interface PodNaming {
  /** stable ReplicaSet pod-template-hash per Deployment */
  rsHash(t: PodTemplate): string;
  ownerUid(kind: string, name: string): string;
  ordinal(t: PodTemplate): number;
  /** metadata.ownerReferences for a controller, one shared frozen list per owner */
  ownerReferences(owner: PodOwner): readonly object[];
}

interface PodOwner {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

export function createPodNaming(seed: number): PodNaming {
  const hashes = new Map<string, string>();
  const uids = new Map<string, string>();
  const ordinals = new Map<string, number>();
  const refs = new Map<string, readonly object[]>();
  const rng = createRng(seed, 'owners');
  return {
    rsHash: (t) => {
      const k = `${t.namespace}/${t.name}`;
      let h = hashes.get(k);
      if (!h) hashes.set(k, (h = rng.suffix(rng.int(9, 10))));
      return h;
    },
    ownerUid: (kind, name) => {
      const k = `${kind}/${name}`;
      let u = uids.get(k);
      if (!u) uids.set(k, (u = rng.uuid()));
      return u;
    },
    ordinal: (t) => {
      const k = `${t.namespace}/${t.name}`;
      const n = ordinals.get(k) ?? 0;
      ordinals.set(k, n + 1);
      return n;
    },
    ownerReferences: (owner) => {
      let r = refs.get(owner.uid);
      if (!r)
        refs.set(
          owner.uid,
          (r = Object.freeze([Object.freeze({ ...owner, controller: true, blockOwnerDeletion: true })])),
        );
      return r;
    },
  };
}

/** Name and owner for a pod of this template, the way its controller would name it. */
function podIdentity(
  t: PodTemplate,
  node: NodeModel | undefined,
  naming: PodNaming,
  rng: Rng,
): { name: string; owner?: PodOwner } {
  switch (t.kind) {
    case 'Static':
      return {
        name: `${t.name}-${node?.name ?? 'unknown'}`,
        owner: node ? { apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid } : undefined,
      };
    case 'DaemonSet':
      return {
        name: `${t.name}-${rng.suffix(5)}`,
        owner: { apiVersion: 'apps/v1', kind: 'DaemonSet', name: t.name, uid: naming.ownerUid('DaemonSet', t.name) },
      };
    case 'StatefulSet':
      return {
        name: `${t.name}-${naming.ordinal(t)}`,
        owner: {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: t.name,
          uid: naming.ownerUid('StatefulSet', t.name),
        },
      };
    case 'Job': {
      const job = `${t.name}-${29000000 + rng.int(0, 99999)}`;
      return {
        name: `${job}-${rng.suffix(5)}`,
        owner: { apiVersion: 'batch/v1', kind: 'Job', name: job, uid: naming.ownerUid('Job', job) },
      };
    }
    case 'Deployment': {
      const rs = `${t.name}-${naming.rsHash(t)}`;
      return {
        name: `${rs}-${rng.suffix(5)}`,
        owner: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs, uid: naming.ownerUid('ReplicaSet', rs) },
      };
    }
  }
}

export interface PopulateOptions {
  count: number;
  naming: PodNaming;
  seed: number;
  now: Date;
  /** extra cluster workloads pinned here (coredns…) */
  extra?: PodTemplate[];
  /** one ContainerCreating pod and one Succeeded job pod on this node */
  oddPhases?: boolean;
}

/** Fill a node with its platform daemons, then application pods up to `count` (bounded by maxPods). */
export function populatePods(node: NodeModel, o: PopulateOptions): PodModel[] {
  const rng = createRng(o.seed, `pods/${node.name}`);
  const templates: Array<{ t: PodTemplate; phase: PodPhase }> = [];
  if (node.role === 'control-plane')
    for (const t of controlPlaneStatics(node.version)) templates.push({ t, phase: 'Running' });
  for (const t of daemonSetsFor(node.profile, node.version)) templates.push({ t, phase: 'Running' });
  for (const t of o.extra ?? []) templates.push({ t, phase: 'Running' });
  if (o.oddPhases) {
    templates.push({ t: REPORT_JOB, phase: 'Succeeded' });
    templates.push({ t: APPS[0] ?? COREDNS, phase: 'Pending' });
  }
  const max = Math.min(o.count, Number(node.config.maxPods) - 1);
  if (node.role !== 'control-plane') {
    while (templates.length < max) templates.push({ t: rng.pick(APPS), phase: 'Running' });
  }
  const start = Math.max(node.bootTime.getTime(), node.createdAt.getTime()) + 60000;
  const pods = templates.map(({ t, phase }, i) => {
    const id = podIdentity(t, node, o.naming, rng);
    const created =
      phase === 'Pending'
        ? new Date(o.now.getTime() - 45000)
        : new Date(Math.min(o.now.getTime() - 60000, start + rng.int(0, 5 * 86400) * 1000));
    const ownerReferences = id.owner ? o.naming.ownerReferences(id.owner) : undefined;
    return buildPod({ template: t, node, ipIndex: i, phase, created, rng, name: id.name, ownerReferences });
  });
  // keep pods' mean working set under 55 % of memory so only deliberate pressure crosses a threshold
  const budget = Number(node.memoryBytes) * 0.55;
  const total = pods.reduce((s, p) => s + (p.running ? p.memoryBytes : 0), 0);
  if (total > budget) for (const p of pods) p.memoryBytes = Math.floor((p.memoryBytes * budget) / total);
  return pods;
}
