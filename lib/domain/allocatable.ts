import { parseThresholdValue, resolveThreshold } from './eviction-thresholds';
import { formatBytes, formatCpuMillis, toMillis, toUnits, tryParseQuantity } from './quantity';

/**
 * Node Allocatable per the kubelet (pkg/kubelet/cm/node_container_manager_linux.go GetNodeAllocatableReservation
 * and helpers.go hardEvictionReservation):
 *   allocatable[r] = capacity[r] − kubeReserved[r] − systemReserved[r] − hardEviction[r], clamped at 0,
 * where only memory.available (→ memory) and nodefs.available (→ ephemeral-storage) reserve anything, a
 * percentage is taken of that resource's capacity, `reservedSystemCPUs` replaces the cpu reservations
 * (cmd/kubelet/app/server.go), and pre-allocated huge pages come off memory. Docs:
 * https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/
 */

export type BudgetResource = 'cpu' | 'memory' | 'ephemeral-storage' | 'pid';
const BUDGET_RESOURCES: readonly BudgetResource[] = ['cpu', 'memory', 'ephemeral-storage', 'pid'];
export type BudgetUnit = 'millicores' | 'bytes' | 'count';

const budgetUnit = (r: BudgetResource): BudgetUnit => (r === 'cpu' ? 'millicores' : r === 'pid' ? 'count' : 'bytes');

interface AllocatableConfig {
  kubeReserved?: Record<string, string> | null;
  systemReserved?: Record<string, string> | null;
  reservedSystemCPUs?: string | null;
  evictionHard?: Record<string, string> | null;
  enforceNodeAllocatable?: string[] | null;
}

export interface BudgetInput {
  /** node.status.capacity (quantity strings) */
  capacity: Record<string, string>;
  /** node.status.allocatable as reported */
  allocatable: Record<string, string>;
  config: AllocatableConfig;
  /** the node's pid limit (Summary rlimit.maxpid); Node status has no pid capacity */
  pidCapacity?: bigint;
  /** sums over non-terminated pods on the node, in the resource's unit */
  requests?: Partial<Record<BudgetResource, bigint>>;
  limits?: Partial<Record<BudgetResource, bigint>>;
}

export interface ResourceBudget {
  resource: BudgetResource;
  unit: BudgetUnit;
  capacity: bigint | null;
  kubeReserved: bigint;
  systemReserved: bigint;
  /** hard eviction reservation (memory and ephemeral-storage only) */
  evictionHard: bigint;
  /** pre-allocated huge pages (memory only) */
  hugePages: bigint;
  computedAllocatable: bigint | null;
  /** status.allocatable; null for pid (never reported) */
  reportedAllocatable: bigint | null;
  /** reported − computed */
  difference: bigint | null;
  requests: bigint | null;
  limits: bigint | null;
  /** why the numbers are what they are, one sentence each */
  explanations: string[];
}

function amount(resource: BudgetResource, text: string | undefined): bigint | undefined {
  const q = tryParseQuantity(text);
  if (!q) return undefined;
  return resource === 'cpu' ? toMillis(q) : toUnits(q);
}

/** Formats an amount in a resource's unit for sentences and labels. */
export function formatAmount(unit: BudgetUnit, value: bigint): string {
  if (unit === 'millicores') return `${formatCpuMillis(value)} CPU`;
  if (unit === 'bytes') return formatBytes(value);
  return value.toLocaleString('en-US');
}

/**
 * Size of a cpuset list ("0-1,4" → 3), as cpuset.Parse(...).Size().
 * @internal exported for its unit tests
 */
export function cpuSetSize(list: string): number {
  let n = 0;
  for (const part of list
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    if (a === undefined || !Number.isInteger(a)) return NaN;
    n += b === undefined ? 1 : b - a + 1;
  }
  return n;
}

/** Capacity → reservations → eviction → allocatable for cpu, memory, ephemeral-storage and pid. */
export function computeNodeBudget(input: BudgetInput): ResourceBudget[] {
  const { config } = input;
  const reservedCpus = config.reservedSystemCPUs ? cpuSetSize(config.reservedSystemCPUs) : 0;
  const hugePages = Object.entries(input.capacity)
    .filter(([k]) => k.startsWith('hugepages-'))
    .reduce((sum, [, v]) => sum + (amount('memory', v) ?? 0n), 0n);
  const enforce = config.enforceNodeAllocatable ?? ['pods'];

  return BUDGET_RESOURCES.map((resource): ResourceBudget => {
    const unit = budgetUnit(resource);
    const explanations: string[] = [];
    const capacity =
      resource === 'pid' ? (input.pidCapacity ?? null) : (amount(resource, input.capacity[resource]) ?? null);
    let kubeReserved = amount(resource, config.kubeReserved?.[resource]) ?? 0n;
    let systemReserved = amount(resource, config.systemReserved?.[resource]) ?? 0n;
    if (resource === 'cpu' && reservedCpus > 0) {
      kubeReserved = 0n;
      systemReserved = BigInt(reservedCpus) * 1000n;
      explanations.push(
        `reservedSystemCPUs "${config.reservedSystemCPUs}" reserves ${reservedCpus} whole CPU${reservedCpus === 1 ? '' : 's'} and replaces the cpu in kubeReserved and systemReserved.`,
      );
    }
    let evictionHard = 0n;
    const signal =
      resource === 'memory' ? 'memory.available' : resource === 'ephemeral-storage' ? 'nodefs.available' : undefined;
    const thresholdText = signal ? config.evictionHard?.[signal] : undefined;
    if (signal && thresholdText !== undefined && capacity !== null) {
      try {
        const value = parseThresholdValue(thresholdText);
        if (value) {
          evictionHard = resolveThreshold(value, capacity);
          if (value.kind === 'percentage')
            explanations.push(
              `${signal} ${value.text} is taken of the ${resource} capacity: ${formatAmount(unit, evictionHard)} (the kubelet multiplies in float32, then truncates).`,
            );
        }
      } catch {
        explanations.push(`evictionHard ${signal} "${thresholdText}" is not valid; it reserves nothing here.`);
      }
    }
    const memHuge = resource === 'memory' ? hugePages : 0n;
    if (memHuge > 0n)
      explanations.push(`${formatBytes(memHuge)} of pre-allocated huge pages come off memory allocatable.`);
    if (resource === 'pid')
      explanations.push(
        'Node status does not report pids; capacity is the kernel pid limit from stats/summary and pid.available eviction does not reduce it.',
      );
    if (
      !config.kubeReserved?.[resource] &&
      !config.systemReserved?.[resource] &&
      !(resource === 'cpu' && reservedCpus > 0)
    )
      explanations.push(
        `No kubeReserved or systemReserved ${resource} is set, so system daemons compete with pods for it.`,
      );

    let computed: bigint | null = null;
    if (capacity !== null) {
      computed = capacity - kubeReserved - systemReserved - evictionHard - memHuge;
      if (computed < 0n) computed = 0n;
    }
    const reported = resource === 'pid' ? null : (amount(resource, input.allocatable[resource]) ?? null);
    const difference = computed !== null && reported !== null ? reported - computed : null;
    if (difference === 0n) {
      explanations.unshift('The computed allocatable matches what the node reports.');
    } else if (difference !== null && computed !== null) {
      if (evictionHard > 0n && difference === evictionHard)
        explanations.unshift(
          `The node reports exactly the hard eviction reservation (${formatAmount(unit, evictionHard)}) more than computed: the kubelet runs with --experimental-allocatable-ignore-eviction.`,
        );
      else
        explanations.unshift(
          `The node reports ${formatAmount(unit, difference < 0n ? -difference : difference)} ${difference < 0n ? 'less' : 'more'} than the config gives. The Node status may predate the running config (it is posted every nodeStatusUpdateFrequency and changed reservations need a kubelet restart), or capacity changed since.`,
        );
    }
    if (resource === 'memory' && !enforce.includes('pods'))
      explanations.push(
        'enforceNodeAllocatable does not contain "pods": allocatable is reported for scheduling but pods are not capped by the kubepods cgroup.',
      );
    if (resource === 'cpu' && enforce.some((e) => e !== 'pods' && e !== 'none'))
      explanations.push(
        `enforceNodeAllocatable ${JSON.stringify(enforce)} also caps the reserved cgroups; it does not change the reported allocatable.`,
      );

    return {
      resource,
      unit,
      capacity,
      kubeReserved,
      systemReserved,
      evictionHard,
      hugePages: memHuge,
      computedAllocatable: computed,
      reportedAllocatable: reported,
      difference,
      requests: input.requests?.[resource] ?? null,
      limits: input.limits?.[resource] ?? null,
      explanations,
    };
  });
}

/** allocatable − requests: what the scheduler can still place (negative is impossible for admitted pods). */
export function schedulingHeadroom(b: ResourceBudget): bigint | null {
  const alloc = b.reportedAllocatable ?? b.computedAllocatable;
  if (alloc === null || b.requests === null) return null;
  return alloc - b.requests;
}
