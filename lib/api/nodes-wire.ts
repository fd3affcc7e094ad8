import type { NodeListResponse, NodeRow } from './nodes';
import { PRESSURE_CONDITIONS } from '@/lib/domain/signal-conditions';

/**
 * The compact wire shape of GET /api/nodes (issue 20 item 5). At 5,000 nodes the object shape was 5.7 MB of JSON:
 * every row repeated its field names and the same few dozen strings (kubelet versions, OS images, runtimes, label
 * keys and values such as zones and instance types). Here a row is a positional array, and every string that
 * repeats across nodes is sent once in `strings` and referenced by index. The browser decodes it back into
 * `NodeListResponse` with `decodeNodeList`; no field the table shows is dropped (labels feed the `key=value`
 * filter). Server and browser share this module, so the two ends cannot disagree on positions.
 */
const NODE_LIST_FORMAT = 'kd.nodes/v2';

/** Ready condition status: index into this list. */
const READY = ['True', 'False', 'Unknown'] as const;
/** Pressure conditions: a bit each, in this order. */
const PRESSURES = PRESSURE_CONDITIONS;

type CpuMemory = [cpuMillis: number, memoryBytes: number];
type CpuMemoryPods = [cpuMillis: number, memoryBytes: number, pods: number];
/** [keyIndex, valueIndex or -1 (no value), effectIndex] */
type WireTaint = [number, number, number];

type WireRow = [
  name: string,
  ready: number,
  roles: number[],
  kubeletVersion: number,
  osImage: number,
  kernelVersion: number,
  architecture: number,
  containerRuntime: number,
  internalIP: string | null,
  createdAt: string,
  unschedulable: 0 | 1,
  taints: WireTaint[],
  pressures: number,
  capacity: CpuMemoryPods,
  allocatable: CpuMemoryPods,
  usage: CpuMemory | null,
  requests: CpuMemory | null,
  limits: CpuMemory | null,
  podCount: number | null,
  /** flattened [keyIndex, valueIndex, keyIndex, valueIndex, …] */
  labels: number[],
];

export type NodeListWire = Omit<NodeListResponse, 'items'> & {
  format: typeof NODE_LIST_FORMAT;
  strings: string[];
  rows: WireRow[];
};

/** Interns strings in first-seen order. */
function interner() {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const at = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  return { strings, at };
}

const cm = (v: { cpuMillis: number; memoryBytes: number } | null): CpuMemory | null =>
  v ? [v.cpuMillis, v.memoryBytes] : null;
const cmp = (v: NodeRow['capacity']): CpuMemoryPods => [v.cpuMillis, v.memoryBytes, v.pods];

/** The response in its compact wire shape (server side; done once per identity and second, node-list-body.ts). */
export function encodeNodeList({ items, ...rest }: NodeListResponse): NodeListWire {
  const { strings, at } = interner();
  const rows = items.map((n): WireRow => [
    n.name,
    READY.indexOf(n.ready),
    n.roles.map(at),
    at(n.kubeletVersion),
    at(n.osImage),
    at(n.kernelVersion),
    at(n.architecture),
    at(n.containerRuntime),
    n.internalIP ?? null,
    n.createdAt,
    n.unschedulable ? 1 : 0,
    n.taints.map((t): WireTaint => [at(t.key), t.value === undefined ? -1 : at(t.value), at(t.effect)]),
    n.pressures.reduce((bits, p) => bits | (1 << PRESSURES.indexOf(p)), 0),
    cmp(n.capacity),
    cmp(n.allocatable),
    cm(n.usage),
    cm(n.requests),
    cm(n.limits),
    n.podCount,
    Object.entries(n.labels).flatMap(([k, v]) => [at(k), at(v)]),
  ]);
  return { format: NODE_LIST_FORMAT, ...rest, strings, rows };
}

/**
 * Thrown by decodeNodeList when the body is not this format (an older or newer server, a proxy's page).
 * @internal exported for its unit tests (fetchDecoded turns any decode failure into MalformedResponse)
 */
export class NodeListFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NodeListFormatError';
  }
}

/**
 * The compact answer back into rows (browser side). It comes from our own server, so it is not validated field by
 * field (the server validated what it read from the cluster, lib/k8s); a body of another format, or an index
 * that points nowhere, throws rather than rendering a row from garbage.
 */
export function decodeNodeList(body: unknown): NodeListResponse {
  const wire = body as Partial<NodeListWire> | null;
  if (!wire || wire.format !== NODE_LIST_FORMAT || !Array.isArray(wire.rows) || !Array.isArray(wire.strings))
    throw new NodeListFormatError(`not a ${NODE_LIST_FORMAT} node list`);
  const { format: _format, strings, rows, ...rest } = wire as NodeListWire;
  const str = (i: number): string => {
    const s = strings[i];
    if (typeof s !== 'string') throw new NodeListFormatError(`string index ${i} out of range`);
    return s;
  };
  const cpuMemory = (v: CpuMemory | null) => (v ? { cpuMillis: v[0], memoryBytes: v[1] } : null);
  const items = rows.map((r): NodeRow => {
    const [name, ready, roles, version, osImage, kernel, arch, runtime, ip, createdAt, unschedulable] = r;
    const [, , , , , , , , , , , taints, pressures, capacity, allocatable, usage, requests, limits, podCount, labels] =
      r;
    const readyStatus = READY[ready];
    if (readyStatus === undefined) throw new NodeListFormatError(`node ${name}: ready ${ready}`);
    const labelPairs: Array<[string, string]> = [];
    for (let i = 0; i + 1 < labels.length; i += 2) labelPairs.push([str(labels[i] ?? -1), str(labels[i + 1] ?? -1)]);
    return {
      name,
      ready: readyStatus,
      roles: roles.map(str),
      kubeletVersion: str(version),
      osImage: str(osImage),
      kernelVersion: str(kernel),
      architecture: str(arch),
      containerRuntime: str(runtime),
      ...(ip !== null ? { internalIP: ip } : {}),
      createdAt,
      unschedulable: unschedulable === 1,
      taints: taints.map(([k, v, e]) => ({ key: str(k), ...(v >= 0 ? { value: str(v) } : {}), effect: str(e) })),
      pressures: PRESSURES.filter((_, bit) => (pressures & (1 << bit)) !== 0),
      capacity: { cpuMillis: capacity[0], memoryBytes: capacity[1], pods: capacity[2] },
      allocatable: { cpuMillis: allocatable[0], memoryBytes: allocatable[1], pods: allocatable[2] },
      usage: cpuMemory(usage),
      requests: cpuMemory(requests),
      limits: cpuMemory(limits),
      podCount,
      // fromEntries defines own properties: a key such as __proto__ cannot reach the prototype
      labels: Object.fromEntries(labelPairs),
    };
  });
  return { ...rest, items };
}
