import type { KubeletConfig } from './kubelet-defaults';
import type { KubeletFault, KubeObject, ProfileName } from './types';

/** Internal description of one node: the facts everything else (Node object, pods, usage) is derived from. */
export interface NodeModel {
  name: string;
  uid: string;
  profile: ProfileName;
  version: string;
  minor: number;
  role: 'control-plane' | 'worker';
  arch: 'amd64' | 'arm64';
  cpuCores: number;
  /** MemTotal as cAdvisor reports it (a little under the nominal size) */
  memoryBytes: bigint;
  /** nodefs (root filesystem) size */
  diskBytes: bigint;
  inodes: number;
  instanceType?: string;
  region: string;
  zone: string;
  internalIP: string;
  externalIP?: string;
  /** EKS/ACK-style DNS names for addresses */
  internalDNS?: string;
  externalDNS?: string;
  podCIDR: string;
  providerID?: string;
  extraLabels: Record<string, string>;
  osImage: string;
  kernelVersion: string;
  containerRuntimeVersion: string;
  machineID: string;
  systemUUID: string;
  bootID: string;
  createdAt: Date;
  bootTime: Date;
  notReady: boolean;
  cordoned: boolean;
  /** deliberate pressure: usage is held below that node's hard threshold */
  pressure?: 'memory' | 'disk';
  fault?: KubeletFault;
  config: KubeletConfig;
  pods: PodModel[];
  /** stable key for per-node randomness */
  key: string;
}

export interface PodModel {
  object: KubeObject;
  name: string;
  namespace: string;
  uid: string;
  startTime: string;
  containers: readonly string[];
  running: boolean;
  /** mean usage over time */
  cpuMillis: number;
  memoryBytes: number;
  hostNetwork: boolean;
}
