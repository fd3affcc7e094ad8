import type { AllocatableConfig, Explanation } from './allocatable';
import { parseThresholdValue, resolveThreshold } from './eviction-thresholds';
import { describeMatch, matchManagedModels, type NodeShape } from './managed-reservations';
import { formatBytes } from './format-units';
import { toMillis, toUnits, tryParseQuantity } from './quantity';

/**
 * Node-level findings for the budget panel: which managed reservation model the numbers follow, and every place
 * where the kubelet's running config (configz), its Summary and the Node object disagree, each naming both values.
 * A disagreement is never resolved silently: the two numbers feed different parts of the page (the budget uses the
 * Node's capacity, the eviction table the Summary's), so the reader must see that they differ.
 */

export interface BudgetFindingsInput {
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  /** the running config; null when configz could not be read */
  config: (AllocatableConfig & { maxPods?: number | null; podsPerCore?: number | null }) | null;
  kubeletMinor: number | null;
  /** from stats/summary, when read */
  summary?: { nodefsCapacityBytes?: bigint; memoryAvailableBytes?: bigint };
}

const bytes = (text: string | undefined) => {
  const q = tryParseQuantity(text);
  return q ? toUnits(q) : null;
};
const millis = (text: string | undefined) => {
  const q = tryParseQuantity(text);
  return q ? toMillis(q) : null;
};

/** The kubelet's default maxPods (v1beta1 defaults.go: 110 when unset or 0). */
const DEFAULT_MAX_PODS = 110;

function managedFinding(input: BudgetFindingsInput): Explanation | null {
  const podsCapacity = Number(input.capacity.pods ?? NaN);
  const cfgMaxPods = input.config?.maxPods;
  const shape: NodeShape = {
    cpuMillis: millis(input.capacity.cpu),
    memoryBytes: bytes(input.capacity.memory),
    maxPods:
      typeof cfgMaxPods === 'number' && cfgMaxPods > 0
        ? cfgMaxPods
        : Number.isFinite(podsCapacity)
          ? podsCapacity
          : null,
    kubeletMinor: input.kubeletMinor,
  };
  const { config } = input;
  if (config) {
    const memory = bytes(config.kubeReserved?.memory);
    if (memory === null) return null;
    const eviction = config.evictionHard?.['memory.available'];
    const ev = eviction ? parseEvictionQuantity(eviction) : undefined;
    const [m] = matchManagedModels(
      shape,
      {
        cpuMillis: millis(config.kubeReserved?.cpu),
        memoryBytes: memory,
        ...(ev !== undefined ? { evictionMemoryBytes: ev } : {}),
      },
      false,
    );
    return m ? { tone: 'info', text: describeMatch(m, 'kubeReserved') } : null;
  }
  const cap = { cpu: shape.cpuMillis, memory: shape.memoryBytes };
  const alloc = { cpu: millis(input.allocatable.cpu), memory: bytes(input.allocatable.memory) };
  const huge = Object.entries(input.capacity)
    .filter(([k]) => k.startsWith('hugepages-'))
    .reduce((n, [, v]) => n + (bytes(v) ?? 0n), 0n);
  if (cap.memory === null || alloc.memory === null) return null;
  const [m] = matchManagedModels(
    shape,
    {
      cpuMillis: cap.cpu !== null && alloc.cpu !== null ? cap.cpu - alloc.cpu : null,
      memoryBytes: cap.memory - huge - alloc.memory,
    },
    true,
  );
  return m ? { tone: 'info', text: describeMatch(m, 'What the Node holds back (capacity − allocatable)') } : null;
}

function parseEvictionQuantity(text: string): bigint | undefined {
  try {
    const v = parseThresholdValue(text);
    return v?.kind === 'quantity' ? toUnits(v.quantity) : undefined;
  } catch {
    return undefined;
  }
}

function maxPodsFinding(input: BudgetFindingsInput): Explanation | null {
  const { config } = input;
  const pods = Number(input.capacity.pods ?? NaN);
  if (!config || !Number.isFinite(pods)) return null;
  const maxPods = typeof config.maxPods === 'number' && config.maxPods > 0 ? config.maxPods : DEFAULT_MAX_PODS;
  const perCore = typeof config.podsPerCore === 'number' ? config.podsPerCore : 0;
  const cores = millis(input.capacity.cpu);
  // the kubelet's pods capacity: maxPods, or podsPerCore × cores when that is smaller (nodestatus MachineInfo)
  const byCore = perCore > 0 && cores !== null ? Math.trunc((perCore * Number(cores)) / 1000) : undefined;
  const expected = byCore !== undefined && byCore < maxPods ? byCore : maxPods;
  if (expected === pods) {
    return byCore !== undefined && byCore < maxPods
      ? {
          tone: 'info',
          text: `podsPerCore ${perCore} × ${Number(cores) / 1000} cores caps pods at ${pods}, below maxPods ${maxPods}.`,
        }
      : null;
  }
  return {
    tone: 'warning',
    text: `configz maxPods is ${maxPods}${config.maxPods ? '' : ' (the default)'}${byCore !== undefined ? ` (podsPerCore gives ${byCore})` : ''}, but the Node reports pods capacity ${pods}. The kubelet derives the one from the other when it posts its status, so they disagree only when the status predates the running config or something else wrote it. The scheduler admits by the Node's ${pods}; the kubelet's own admission uses ${expected}.`,
  };
}

function nodefsFinding(input: BudgetFindingsInput): Explanation | null {
  const threshold = input.config?.evictionHard?.['nodefs.available'];
  const nodeCap = bytes(input.capacity['ephemeral-storage']);
  const statsCap = input.summary?.nodefsCapacityBytes;
  if (nodeCap === null || statsCap === undefined || statsCap <= 0n) return null;
  const delta = nodeCap > statsCap ? nodeCap - statsCap : statsCap - nodeCap;
  if (delta * 100n <= statsCap) return null; // within 1 %: the same filesystem
  let value;
  try {
    value = threshold ? parseThresholdValue(threshold) : undefined;
  } catch {
    value = undefined;
  }
  const amounts =
    value?.kind === 'percentage'
      ? ` Its nodefs.available ${value.text} threshold is ${formatBytes(resolveThreshold(value, nodeCap))} in the budget (of the Node's figure) and ${formatBytes(resolveThreshold(value, statsCap))} in the eviction table (of the Summary's, which is what the eviction manager compares).`
      : '';
  return {
    tone: 'warning',
    text: `The Node's ephemeral-storage capacity is ${formatBytes(nodeCap)}, but stats/summary reports a nodefs capacity of ${formatBytes(statsCap)}.${amounts} Which is current is unknown: the Node's figure is what the scheduler and allocatable use.`,
  };
}

function memoryFinding(input: BudgetFindingsInput): Explanation | null {
  const cap = bytes(input.capacity.memory);
  const available = input.summary?.memoryAvailableBytes;
  if (cap === null || available === undefined || available <= cap) return null;
  return {
    tone: 'warning',
    text: `stats/summary reports ${formatBytes(available)} of memory available, more than the Node's memory capacity of ${formatBytes(cap)}: the kubelet's memory statistics (the root cgroup) and the capacity it registered (the machine's MemTotal) do not describe the same memory. The eviction table uses the Summary; allocatable uses the capacity.`,
  };
}

export function budgetFindings(input: BudgetFindingsInput): Explanation[] {
  return [managedFinding(input), maxPodsFinding(input), nodefsFinding(input), memoryFinding(input)].filter(
    (f): f is Explanation => f !== null,
  );
}
