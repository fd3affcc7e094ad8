import type { NodeModel } from './model';
import { formatCpuMillis, formatKi, parseBytes, parseCpuMillis, thresholdBytes } from './quantity';

type Reserved = Partial<Record<string, string>>;

function reserved(config: Record<string, unknown>, key: 'kubeReserved' | 'systemReserved'): Reserved {
  const v = config[key];
  return typeof v === 'object' && v !== null ? (v as Reserved) : {};
}

function evictionHard(config: Record<string, unknown>): Partial<Record<string, string>> {
  const v = config.evictionHard;
  return typeof v === 'object' && v !== null ? (v as Partial<Record<string, string>>) : {};
}

/** status.capacity as the kubelet reports it: memory and ephemeral-storage in Ki. */
export function capacityOf(m: NodeModel): Record<string, string> {
  return {
    cpu: String(m.cpuCores),
    'ephemeral-storage': formatKi(m.diskBytes),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: formatKi(m.memoryBytes),
    pods: String(m.config.maxPods),
  };
}

/** Exact allocatable as numbers: cpu in millicores, memory/ephemeral-storage in bytes. */
export function allocatableNumbers(m: NodeModel): {
  cpuMillis: bigint;
  memoryBytes: bigint;
  storageBytes: bigint;
  pods: number;
} {
  const kube = reserved(m.config, 'kubeReserved');
  const sys = reserved(m.config, 'systemReserved');
  const hard = evictionHard(m.config);
  const cpu = (q?: string) => (q ? parseCpuMillis(q) : 0n);
  const bytes = (q?: string) => (q ? parseBytes(q) : 0n);
  const clamp = (v: bigint) => (v < 0n ? 0n : v);
  const memHard = hard['memory.available'];
  const fsHard = hard['nodefs.available'];
  return {
    cpuMillis: clamp(BigInt(m.cpuCores) * 1000n - cpu(kube.cpu) - cpu(sys.cpu)),
    memoryBytes: clamp(
      m.memoryBytes - bytes(kube.memory) - bytes(sys.memory) - (memHard ? thresholdBytes(memHard, m.memoryBytes) : 0n),
    ),
    storageBytes: clamp(
      m.diskBytes -
        bytes(kube['ephemeral-storage']) -
        bytes(sys['ephemeral-storage']) -
        (fsHard ? thresholdBytes(fsHard, m.diskBytes) : 0n),
    ),
    pods: Number(m.config.maxPods),
  };
}

/**
 * status.allocatable = capacity − kubeReserved − systemReserved − hard eviction (summary-api-shape.md §3).
 * Kubelets print memory in Ki when it divides evenly and ephemeral-storage as a plain byte count.
 */
export function allocatableOf(m: NodeModel): Record<string, string> {
  const a = allocatableNumbers(m);
  return {
    cpu: formatCpuMillis(a.cpuMillis),
    'ephemeral-storage': String(a.storageBytes),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: formatKi(a.memoryBytes),
    pods: String(a.pods),
  };
}
