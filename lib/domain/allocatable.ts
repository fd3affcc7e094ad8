import { parseThresholdValue, resolveThreshold } from './eviction-thresholds';
import { formatBytes, formatCpuMillis } from './format-units';
import { toMillis, toUnits, tryParseQuantity } from './quantity';

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

export interface AllocatableConfig {
  kubeReserved?: Record<string, string> | null;
  systemReserved?: Record<string, string> | null;
  reservedSystemCPUs?: string | null;
  evictionHard?: Record<string, string> | null;
  enforceNodeAllocatable?: string[] | null;
}

/** Facts about the Node object that tell whether its status can predate the running config. */
interface NodeStatusFacts {
  /** the Ready condition's status */
  ready?: string;
  /** the Ready condition's lastHeartbeatTime */
  lastHeartbeatTime?: string;
  /** now, in ms (for the heartbeat's age) */
  nowMs?: number;
}

export interface BudgetInput {
  /** node.status.capacity (quantity strings) */
  capacity: Record<string, string>;
  /** node.status.allocatable as reported */
  allocatable: Record<string, string>;
  /** the kubelet's running config (configz); null when it could not be read */
  config: AllocatableConfig | null;
  /** why the config is unknown (the configz error), shown with the reservations marked unknown */
  configUnavailable?: string;
  /** the node's pid limit (Summary rlimit.maxpid); Node status has no pid capacity */
  pidCapacity?: bigint;
  /** sums over non-terminated pods on the node, in the resource's unit */
  requests?: Partial<Record<BudgetResource, bigint>>;
  limits?: Partial<Record<BudgetResource, bigint>>;
  status?: NodeStatusFacts;
}

type ExplanationTone = 'ok' | 'info' | 'warning';

export interface Explanation {
  tone: ExplanationTone;
  text: string;
}

export interface ResourceBudget {
  resource: BudgetResource;
  unit: BudgetUnit;
  capacity: bigint | null;
  /** null: unknown (the kubelet's config could not be read) */
  kubeReserved: bigint | null;
  systemReserved: bigint | null;
  /** hard eviction reservation (memory and ephemeral-storage only); null when unknown */
  evictionHard: bigint | null;
  /** pre-allocated huge pages (memory only) */
  hugePages: bigint;
  computedAllocatable: bigint | null;
  /** status.allocatable; null for pid (never reported) */
  reportedAllocatable: bigint | null;
  /** reported − computed */
  difference: bigint | null;
  /** capacity − huge pages − reported allocatable: everything held back, when the split is unknown */
  heldBack: bigint | null;
  requests: bigint | null;
  limits: bigint | null;
  /** why the numbers are what they are, one sentence each */
  explanations: Explanation[];
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

/** A status older than this many heartbeats is not from the kubelet running now (nodeStatusUpdateFrequency 10 s). */
const STALE_HEARTBEAT_MS = 5 * 60_000;

/**
 * Why the reported allocatable differs from what the running config gives, from evidence only. configz and the
 * Node status are written by the same kubelet process from the same config, so a difference has few causes.
 */
function differenceCause(
  resource: BudgetResource,
  unit: BudgetUnit,
  difference: bigint,
  evictionHard: bigint,
  status: NodeStatusFacts | undefined,
): Explanation {
  const size = formatAmount(unit, difference < 0n ? -difference : difference);
  const direction = difference < 0n ? 'less' : 'more';
  if (evictionHard > 0n && difference === evictionHard)
    return {
      tone: 'warning',
      text: `The node reports exactly the hard eviction reservation (${formatAmount(unit, evictionHard)}) more than computed: the kubelet runs with --experimental-allocatable-ignore-eviction, so pods may use memory down to the eviction threshold.`,
    };
  const heartbeat = status?.lastHeartbeatTime ? Date.parse(status.lastHeartbeatTime) : NaN;
  const age = status?.nowMs !== undefined && Number.isFinite(heartbeat) ? status.nowMs - heartbeat : NaN;
  if ((status?.ready !== undefined && status.ready !== 'True') || age > STALE_HEARTBEAT_MS)
    return {
      tone: 'warning',
      text: `The node reports ${size} ${direction} than the running config gives, and its status is not current (Ready ${status?.ready ?? 'unknown'}, last heartbeat ${status?.lastHeartbeatTime ?? 'unknown'}): the allocatable was posted by the kubelet before, under the config it ran then.`,
    };
  return {
    tone: 'warning',
    text: `The node reports ${size} ${direction} ${resource} allocatable than its running config gives. The cause is unknown: configz and the Node status come from the same kubelet and normally agree exactly. What would tell: who last wrote status.allocatable (kubectl get node -o yaml --show-managed-fields; a manager other than the kubelet patches the status) and the kubelet's command line.`,
  };
}

/** Capacity → reservations → eviction → allocatable for cpu, memory, ephemeral-storage and pid. */
export function computeNodeBudget(input: BudgetInput): ResourceBudget[] {
  const { config } = input;
  const reservedCpus = config?.reservedSystemCPUs ? cpuSetSize(config.reservedSystemCPUs) : 0;
  const hugePages = Object.entries(input.capacity)
    .filter(([k]) => k.startsWith('hugepages-'))
    .reduce((sum, [, v]) => sum + (amount('memory', v) ?? 0n), 0n);
  const enforce = config?.enforceNodeAllocatable ?? ['pods'];

  return BUDGET_RESOURCES.map((resource): ResourceBudget => {
    const unit = budgetUnit(resource);
    const explanations: Explanation[] = [];
    const capacity =
      resource === 'pid' ? (input.pidCapacity ?? null) : (amount(resource, input.capacity[resource]) ?? null);
    const reported = resource === 'pid' ? null : (amount(resource, input.allocatable[resource]) ?? null);
    const memHuge = resource === 'memory' ? hugePages : 0n;
    const common = {
      resource,
      unit,
      capacity,
      hugePages: memHuge,
      reportedAllocatable: reported,
      requests: input.requests?.[resource] ?? null,
      limits: input.limits?.[resource] ?? null,
    };

    if (!config) {
      const heldBack = capacity !== null && reported !== null ? capacity - memHuge - reported : null;
      const why = input.configUnavailable ? ` (${input.configUnavailable})` : '';
      explanations.push({
        tone: 'info',
        text:
          heldBack !== null
            ? `Reservations unknown: the kubelet's config could not be read${why}. The Node reports capacity ${formatAmount(unit, capacity!)} and allocatable ${formatAmount(unit, reported!)}, so ${formatAmount(unit, heldBack)} is held back by kubeReserved, systemReserved and hard eviction together; only the config tells the split.`
            : resource === 'pid'
              ? 'Node status does not report pids; without the kubelet config nothing is known about pid reservations.'
              : `Reservations unknown: the kubelet's config could not be read${why}, and the Node reports no ${resource} ${capacity === null ? 'capacity' : 'allocatable'}.`,
      });
      if (memHuge > 0n)
        explanations.push({
          tone: 'info',
          text: `${formatBytes(memHuge)} of pre-allocated huge pages come off memory allocatable.`,
        });
      return {
        ...common,
        kubeReserved: null,
        systemReserved: null,
        evictionHard: null,
        computedAllocatable: null,
        difference: null,
        heldBack,
        explanations,
      };
    }

    let kubeReserved = amount(resource, config.kubeReserved?.[resource]) ?? 0n;
    let systemReserved = amount(resource, config.systemReserved?.[resource]) ?? 0n;
    if (resource === 'cpu' && reservedCpus > 0) {
      kubeReserved = 0n;
      systemReserved = BigInt(reservedCpus) * 1000n;
      explanations.push({
        tone: 'info',
        text: `reservedSystemCPUs "${config.reservedSystemCPUs}" reserves ${reservedCpus} whole CPU${reservedCpus === 1 ? '' : 's'} and replaces the cpu in kubeReserved and systemReserved.`,
      });
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
            explanations.push({
              tone: 'info',
              text: `${signal} ${value.text} is taken of the ${resource} capacity: ${formatAmount(unit, evictionHard)} (the kubelet multiplies in float32, then truncates).`,
            });
        }
      } catch {
        explanations.push({
          tone: 'warning',
          text: `evictionHard ${signal} "${thresholdText}" is not valid; it reserves nothing here.`,
        });
      }
    }
    if (memHuge > 0n)
      explanations.push({
        tone: 'info',
        text: `${formatBytes(memHuge)} of pre-allocated huge pages come off memory allocatable.`,
      });
    if (resource === 'pid')
      explanations.push({
        tone: 'info',
        text: 'Node status does not report pids; capacity is the kernel pid limit from stats/summary and pid.available eviction does not reduce it.',
      });

    let computed: bigint | null = null;
    if (capacity !== null) {
      computed = capacity - kubeReserved - systemReserved - evictionHard - memHuge;
      if (computed < 0n) computed = 0n;
    }
    const difference = computed !== null && reported !== null ? reported - computed : null;
    if (difference === 0n)
      explanations.unshift({ tone: 'ok', text: 'The computed allocatable matches what the node reports.' });
    else if (difference !== null)
      explanations.unshift(differenceCause(resource, unit, difference, evictionHard, input.status));

    const noReservation =
      !config.kubeReserved?.[resource] &&
      !config.systemReserved?.[resource] &&
      !(resource === 'cpu' && reservedCpus > 0);
    // only when the status agrees: a node reporting less than capacity − eviction has a reservation we cannot see
    if (noReservation && (difference === 0n || (difference === null && resource === 'pid')))
      explanations.push({
        tone: 'warning',
        text:
          resource === 'pid'
            ? 'No kubeReserved or systemReserved pid is set: system daemons share the pid limit with pods.'
            : `No kubeReserved or systemReserved ${resource} is set and the node reports none either: system daemons compete with pods for it.`,
      });
    if (resource === 'memory' && !enforce.includes('pods'))
      explanations.push({
        tone: 'warning',
        text: 'enforceNodeAllocatable does not contain "pods": allocatable is reported for scheduling but pods are not capped by the kubepods cgroup.',
      });
    if (resource === 'cpu' && enforce.some((e) => e !== 'pods' && e !== 'none'))
      explanations.push({
        tone: 'info',
        text: `enforceNodeAllocatable ${JSON.stringify(enforce)} also caps the reserved cgroups; it does not change the reported allocatable.`,
      });

    return {
      ...common,
      kubeReserved,
      systemReserved,
      evictionHard,
      computedAllocatable: computed,
      difference,
      heldBack: null,
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
