import { formatBytes, formatCpuMillis } from './format-units';

/**
 * The reservation formulas managed Kubernetes services write into their kubelets' kubeReserved (and the
 * memory.available hard threshold beside it), so the dashboard can say which one a node's numbers follow.
 *
 * - EKS (awslabs/amazon-eks-ami; nodeadm `internal/kubelet/config.go` withDefaultReservedResources, the same
 *   formula as the AL2 bootstrap.sh before it): cpu 6 % of the first core, 1 % of the second, 0.5 % of cores
 *   3–4, 0.25 % above (getCPUMillicoresToReserve, integer millicores per range); memory 11 MiB × maxPods + 255 MiB
 *   (getMemoryMebibytesToReserve); ephemeral-storage 1Gi; evictionHard memory.available 100Mi.
 * - GKE ("Node allocatable", cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes): memory 255 MiB on
 *   machines under 1 GB, else 25 % of the first 4 GB, 20 % of the next 4, 10 % of the next 8, 6 % of the next
 *   112 and 2 % above 128 GB; cpu the same tiers as EKS; plus a 100 MiB eviction threshold. GKE counts a "GB"
 *   as 1000 MiB (see gkeMemoryReserveBytes).
 * - AKS ("Node resource reservations", learn.microsoft.com/azure/aks/node-resource-reservations): cpu by core
 *   count 60/100/140/180/260/420/740 millicores for 1/2/4/8/16/32/64 cores; memory before 1.29 the same
 *   percentages on GiB boundaries with memory.available 750Mi, from 1.29 min(20 MiB × maxPods + 50 MiB, 25 % of
 *   memory) with 100Mi. AgentBaker (Azure/AgentBaker) receives these as --kube-reserved and --eviction-hard
 *   from the AKS resource provider.
 *
 * GKE and AKS take their percentages of the machine's memory (the VM size), which is a little more than the
 * kernel's MemTotal the kubelet reports as capacity; so a machine size is searched upward from the capacity
 * (in quarter GiB steps, up to 10 % above), and the match names the size it assumed.
 */

type ManagedModelId = 'eks' | 'gke' | 'aks-pre-1.29' | 'aks';

const Mi = 1024n * 1024n;
const Gi = 1024n * Mi;

/** EKS/GKE cpu tiers, as nodeadm computes them: integer millicores per range, summed. */
/** @internal exported for its unit tests */
export function tieredCpuReserveMillis(capacityMillis: bigint): bigint {
  const total = Number(capacityMillis);
  const ranges = [0, 1000, 2000, 4000, total];
  const basisPoints = [600, 100, 50, 25];
  let reserved = 0;
  basisPoints.forEach((bp, i) => {
    const start = ranges[i] ?? 0;
    const end = ranges[i + 1] ?? 0;
    if (total <= start) return;
    reserved += Math.trunc(((Math.min(total, end) - start) * bp) / 10000);
  });
  return BigInt(reserved);
}

/** The AKS (before 1.29) regressive memory tiers, in bytes of the machine's memory: GiB boundaries. */
/** @internal exported for its unit tests */
export function tieredMemoryReserveBytes(machineBytes: bigint, under1GiB = 255n * Mi): bigint {
  if (machineBytes < Gi) return under1GiB;
  const tiers: Array<[bigint, number]> = [
    [4n * Gi, 0.25],
    [4n * Gi, 0.2],
    [8n * Gi, 0.1],
    [112n * Gi, 0.06],
  ];
  let left = machineBytes;
  let reserved = 0;
  for (const [size, frac] of tiers) {
    const take = left < size ? left : size;
    reserved += Number(take) * frac;
    left -= take;
    if (left <= 0n) break;
  }
  if (left > 0n) reserved += Number(left) * 0.02;
  return BigInt(Math.floor(reserved));
}

/**
 * GKE's memory tiers. GKE takes the boundaries as 4000/8000/16000/128000 MiB ("GB" = 1000 MiB) of the machine's
 * memory in whole MiB, truncating the result to whole MiB; cluster-autoscaler mirrors this to predict GKE nodes
 * (https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/cloudprovider/gce/reserved.go,
 * "Duplicating an upstream bug treating GB as 1000*MiB"). With GiB boundaries, the real GKE nodes in
 * fixtures/managed (https://github.com/2i2c-org/infrastructure/issues/2121,
 * https://github.com/kubernetes/kubernetes/pull/52650) miss by 5–163 MiB. AKS keeps GiB boundaries (1638Mi, 7 GiB).
 */
/** @internal exported for its unit tests */
export function gkeMemoryReserveBytes(machineBytes: bigint): bigint {
  const mib = Number(machineBytes / Mi);
  if (mib <= 0) return 0n;
  if (mib <= 1000) return 255n * Mi;
  const brackets: Array<[number, number]> = [
    [0, 0.25],
    [4000, 0.2],
    [8000, 0.1],
    [16000, 0.06],
    [128000, 0.02],
  ];
  let reserved = 0;
  brackets.forEach(([start, rate], i) => {
    const end = brackets[i + 1]?.[0] ?? Infinity;
    if (mib > start) reserved += (Math.min(mib, end) - start) * rate;
  });
  return BigInt(Math.trunc(reserved)) * Mi;
}

const AKS_CPU: ReadonlyMap<number, bigint> = new Map([
  [1, 60n],
  [2, 100n],
  [4, 140n],
  [8, 180n],
  [16, 260n],
  [32, 420n],
  [64, 740n],
]);

interface ModelExpectation {
  model: ManagedModelId;
  label: string;
  /** where the formula comes from */
  source: string;
  cpuMillis?: bigint;
  memoryBytes: bigint;
  /** the memory.available hard threshold the platform configures */
  evictionMemoryBytes: bigint;
  /** the formula, with the numbers put in */
  memoryFormula: string;
  cpuFormula?: string;
  /** the machine memory assumed (GKE/AKS tiers), when not the capacity itself */
  machineBytes?: bigint;
}

export interface NodeShape {
  /** capacity in millicores */
  cpuMillis: bigint | null;
  /** capacity in bytes (MemTotal) */
  memoryBytes: bigint | null;
  maxPods: number | null;
  kubeletMinor: number | null;
}

const EKS_SOURCE = 'awslabs/amazon-eks-ami nodeadm internal/kubelet/config.go';
const GKE_SOURCE = 'GKE docs, "Plan node sizes": memory and CPU reservations';
const AKS_SOURCE = 'AKS docs, "Node resource reservations"';

function cpuTierFormula(millis: bigint): string {
  return `6 % of the first core, 1 % of the second, 0.5 % of cores 3–4, 0.25 % above, of ${formatCpuMillis(millis)} CPU`;
}

/** Machine memory sizes to try for a capacity: the capacity itself, then quarter GiB steps up to 10 % above it. */
/** @internal exported for its unit tests */
export function machineSizesFor(capacity: bigint): bigint[] {
  const quarter = Gi / 4n;
  const out = [capacity];
  const limit = (capacity * 110n) / 100n;
  for (let m = ((capacity + quarter - 1n) / quarter) * quarter; m <= limit; m += quarter)
    if (m !== capacity) out.push(m);
  return out;
}

/** What each model would reserve on this node, for every machine size worth trying. */
function modelExpectations(shape: NodeShape): ModelExpectation[] {
  const out: ModelExpectation[] = [];
  const cpu = shape.cpuMillis;
  if (shape.maxPods !== null) {
    const mem = BigInt(11 * shape.maxPods + 255) * Mi;
    out.push({
      model: 'eks',
      label: 'EKS (amazon-eks-ami)',
      source: EKS_SOURCE,
      ...(cpu !== null ? { cpuMillis: tieredCpuReserveMillis(cpu), cpuFormula: cpuTierFormula(cpu) } : {}),
      memoryBytes: mem,
      evictionMemoryBytes: 100n * Mi,
      memoryFormula: `11 MiB × ${shape.maxPods} max pods + 255 MiB = ${formatBytes(mem)}`,
    });
  }
  if (shape.memoryBytes === null) return out;
  const aksCpu = cpu !== null && cpu % 1000n === 0n ? AKS_CPU.get(Number(cpu / 1000n)) : undefined;
  for (const machine of machineSizesFor(shape.memoryBytes)) {
    const tiered = tieredMemoryReserveBytes(machine);
    const gke = gkeMemoryReserveBytes(machine);
    const assumed = machine === shape.memoryBytes ? {} : { machineBytes: machine };
    const of = `of ${formatBytes(machine)}${machine === shape.memoryBytes ? '' : ' (machine size)'}`;
    out.push({
      model: 'gke',
      label: 'GKE',
      source: GKE_SOURCE,
      ...(cpu !== null ? { cpuMillis: tieredCpuReserveMillis(cpu), cpuFormula: cpuTierFormula(cpu) } : {}),
      memoryBytes: gke,
      evictionMemoryBytes: 100n * Mi,
      memoryFormula: `25 % of the first 4000 MiB, 20 % of the next 4000, 10 % of the next 8000, 6 % of the next 112000, 2 % above, ${of} = ${formatBytes(gke)}`,
      ...assumed,
    });
    const minor = shape.kubeletMinor;
    if (minor === null || minor < 29)
      out.push({
        model: 'aks-pre-1.29',
        label: 'AKS (before 1.29)',
        source: AKS_SOURCE,
        ...(aksCpu !== undefined ? { cpuMillis: aksCpu, cpuFormula: `the AKS table for ${cpu! / 1000n} cores` } : {}),
        memoryBytes: tiered,
        evictionMemoryBytes: 750n * Mi,
        memoryFormula: `25 % of the first 4 GiB, 20 % of the next 4, 10 % of the next 8, 6 % of the next 112, 2 % above, ${of} = ${formatBytes(tiered)}`,
        ...assumed,
      });
    if ((minor === null || minor >= 29) && shape.maxPods !== null) {
      // The docs write "20 MB × max pods + 50 MB"; AKS writes Mi: real ≥ 1.30 nodes carry kube-reserved 650Mi
      // (30 pods) and 2250Mi (110 pods), see fixtures/managed/README.md.
      const perPods = BigInt(20 * shape.maxPods + 50) * Mi;
      const quarter = machine / 4n;
      const mem = perPods < quarter ? perPods : quarter;
      out.push({
        model: 'aks',
        label: 'AKS (1.29 and later)',
        source: AKS_SOURCE,
        ...(aksCpu !== undefined ? { cpuMillis: aksCpu, cpuFormula: `the AKS table for ${cpu! / 1000n} cores` } : {}),
        memoryBytes: mem,
        evictionMemoryBytes: 100n * Mi,
        memoryFormula: `min(20 MiB × ${shape.maxPods} max pods + 50 MiB, 25 % ${of}) = ${formatBytes(mem)}`,
        ...assumed,
      });
    }
  }
  return out;
}

export interface ModelMatch {
  model: ManagedModelId;
  label: string;
  source: string;
  /** which resources matched, with the sentence saying how */
  matched: Array<{ resource: 'cpu' | 'memory'; text: string }>;
  machineBytes?: bigint;
}

/** Rounding slack: formulas are computed in MiB (AKS, GKE) and written as whole Mi; 1 MiB either way is a match. */
const MEMORY_SLACK = Mi;

/**
 * Which managed models reproduce the observed reservation. `observed` is what the node reserves for system
 * daemons: kubeReserved from its configz, or — when configz cannot be read — capacity − allocatable, which then
 * also contains the hard eviction threshold (`includesEviction`). A model is reported when its memory matches
 * (memory is what tells the models apart); a matching cpu is added to the same sentence.
 */
export function matchManagedModels(
  shape: NodeShape,
  observed: {
    cpuMillis?: bigint | null;
    memoryBytes?: bigint | null;
    /** the node's memory.available hard threshold, when its config is known: it must be the model's */
    evictionMemoryBytes?: bigint | null;
  },
  includesEviction: boolean,
): ModelMatch[] {
  const matches: ModelMatch[] = [];
  const memory = observed.memoryBytes;
  if (memory === undefined || memory === null || memory <= 0n) return matches;
  for (const e of modelExpectations(shape)) {
    if (matches.some((m) => m.model === e.model)) continue;
    const eviction = observed.evictionMemoryBytes;
    if (eviction !== undefined && eviction !== null && eviction !== e.evictionMemoryBytes) continue;
    const expected = e.memoryBytes + (includesEviction ? e.evictionMemoryBytes : 0n);
    const diff = memory > expected ? memory - expected : expected - memory;
    if (diff > MEMORY_SLACK) continue;
    const matched: ModelMatch['matched'] = [
      {
        resource: 'memory',
        text: includesEviction
          ? `memory ${formatBytes(memory)} = ${e.memoryFormula} + the ${formatBytes(e.evictionMemoryBytes)} eviction threshold`
          : `memory ${formatBytes(memory)} = ${e.memoryFormula}`,
      },
    ];
    const cpu = observed.cpuMillis;
    if (cpu !== undefined && cpu !== null && e.cpuMillis !== undefined && cpu === e.cpuMillis)
      matched.push({
        resource: 'cpu',
        text: `cpu ${formatCpuMillis(cpu)} = ${e.cpuFormula ?? ''}`,
      });
    matches.push({
      model: e.model,
      label: e.label,
      source: e.source,
      matched,
      ...(e.machineBytes !== undefined ? { machineBytes: e.machineBytes } : {}),
    });
  }
  return matches;
}

/** One sentence per match: "Matches EKS (amazon-eks-ami): memory 1465 MiB = 11 MiB × 110 max pods + 255 MiB …". */
export function describeMatch(m: ModelMatch, what: string): string {
  return `${what} follows the ${m.label} reservation model (${m.source}): ${m.matched.map((x) => x.text).join('; ')}.`;
}
