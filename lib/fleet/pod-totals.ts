import type { PodTotals, ResourceAmounts } from '@/lib/domain/node-row';
import { addQuantities, formatQuantity, type Quantity } from '@/lib/domain/quantity';

/** What one pod adds to one node: its node (null = holds nothing) and its requests and limits. */
export interface PodContribution {
  key: string;
  node: string | null;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
}

/** A pod's requests and limits, interned: thousands of pods share a handful of distinct shapes. */
interface Shape {
  requests: ResourceAmounts;
  limits: ResourceAmounts;
}

/** Per resource: the exact sum and how many pods name it (so a resource all pods dropped disappears, as on a relist). */
type Sums = Map<string, { total: Quantity; pods: number }>;

interface NodeSums {
  /** index in nodeById, what a pod's slot stores */
  id: number;
  name: string;
  requests: Sums;
  limits: Sums;
  count: number;
}

const negate = (q: Quantity): Quantity => ({ numerator: -q.numerator, denominator: q.denominator });

function apply(into: Sums, amounts: ResourceAmounts, sign: 1 | -1): void {
  for (const [name, q] of Object.entries(amounts)) {
    const prev = into.get(name);
    if (!prev) {
      if (sign > 0) into.set(name, { total: q, pods: 1 });
      continue;
    }
    const pods = prev.pods + sign;
    if (pods <= 0) into.delete(name);
    else into.set(name, { total: addQuantities(prev.total, sign > 0 ? q : negate(q)), pods });
  }
}

const shapeKey = (s: Shape) =>
  JSON.stringify([
    Object.entries(s.requests).map(([k, q]) => [k, formatQuantity(q)]),
    Object.entries(s.limits).map(([k, q]) => [k, formatQuantity(q)]),
  ]);

/**
 * Requests, limits and pod count per node, kept incrementally from a pods watch (lib/fleet/pod-informer.ts):
 * each event subtracts what the pod added before and adds what it adds now. Per pod it keeps only its node and
 * an interned shape (never the pod object), which is what a MODIFIED event needs: the apiserver sends the new
 * object, not the old one. Sums are exact (Quantity is rational), so totals after any sequence of events equal
 * totals from a fresh list of the same pods (tested in pod-totals.test.ts).
 *
 * Memory (issue 20): at 150,000 pods the per-pod entry is most of the server's cluster data, so it holds no
 * object per pod: the key maps to a small integer slot, and the slot's node and shape are ids in two typed
 * arrays (8 bytes per pod instead of a 40-byte `{ node, shape }` object). Slots and node ids freed by
 * deletions are reused, so churn does not grow them.
 */
export class PodTotalsIndex {
  /** pod key → slot in nodeOf / shapeOf (a Smi: the map stores it inline) */
  private readonly slots = new Map<string, number>();
  private nodeOf = new Int32Array(1024);
  private shapeOf = new Int32Array(1024);
  private readonly freeSlots: number[] = [];
  private slotsUsed = 0;
  private readonly nodes = new Map<string, NodeSums>();
  private readonly nodeById: Array<NodeSums | undefined> = [];
  private readonly freeNodeIds: number[] = [];
  private readonly shapeIds = new Map<string, number>();
  private readonly shapes: Shape[] = [];
  private snapshot: Map<string, PodTotals> | undefined;

  /** ADDED or MODIFIED: the pod now adds `c` (or nothing, when `c.node` is null). */
  upsert(c: PodContribution): void {
    this.remove(c.key);
    if (!c.node) return;
    const key = shapeKey(c);
    let shapeId = this.shapeIds.get(key);
    if (shapeId === undefined) {
      shapeId = this.shapes.push({ requests: c.requests, limits: c.limits }) - 1;
      this.shapeIds.set(key, shapeId);
    }
    const shape = this.shapes[shapeId]!;
    const node = this.nodes.get(c.node) ?? this.nodeSums(c.node);
    apply(node.requests, shape.requests, 1);
    apply(node.limits, shape.limits, 1);
    node.count++;
    const slot = this.takeSlot();
    this.nodeOf[slot] = node.id;
    this.shapeOf[slot] = shapeId;
    this.slots.set(c.key, slot);
    this.snapshot = undefined;
  }

  /** DELETED (or no longer holding anything). */
  remove(key: string): void {
    const slot = this.slots.get(key);
    if (slot === undefined) return;
    this.slots.delete(key);
    this.freeSlots.push(slot);
    const node = this.nodeById[this.nodeOf[slot]!]!;
    const shape = this.shapes[this.shapeOf[slot]!]!;
    apply(node.requests, shape.requests, -1);
    apply(node.limits, shape.limits, -1);
    node.count--;
    if (node.count <= 0) {
      this.nodes.delete(node.name);
      this.nodeById[node.id] = undefined;
      this.freeNodeIds.push(node.id);
    }
    this.snapshot = undefined;
  }

  /** Pods holding resources on some node. */
  get size(): number {
    return this.slots.size;
  }

  /** @internal slots ever allocated (the tests check that churn reuses them) */
  get slotCapacityUsed(): number {
    return this.slotsUsed;
  }

  /** Totals per node in the shape the node list reads (built once per change, shared by every reader). */
  totals(): Map<string, PodTotals> {
    if (this.snapshot) return this.snapshot;
    const out = new Map<string, PodTotals>();
    const amounts = (s: Sums): ResourceAmounts => Object.fromEntries([...s].map(([name, v]) => [name, v.total]));
    for (const [name, n] of this.nodes)
      out.set(name, { requests: amounts(n.requests), limits: amounts(n.limits), count: n.count });
    this.snapshot = out;
    return out;
  }

  private takeSlot(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    if (this.slotsUsed === this.nodeOf.length) {
      this.nodeOf = grow(this.nodeOf);
      this.shapeOf = grow(this.shapeOf);
    }
    return this.slotsUsed++;
  }

  private nodeSums(name: string): NodeSums {
    const id = this.freeNodeIds.pop() ?? this.nodeById.length;
    const n: NodeSums = { id, name, requests: new Map(), limits: new Map(), count: 0 };
    this.nodes.set(name, n);
    this.nodeById[id] = n;
    return n;
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}
