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
 */
export class PodTotalsIndex {
  private readonly pods = new Map<string, { node: NodeSums; shape: Shape }>();
  private readonly nodes = new Map<string, NodeSums>();
  private readonly shapes = new Map<string, Shape>();
  private snapshot: Map<string, PodTotals> | undefined;

  /** ADDED or MODIFIED: the pod now adds `c` (or nothing, when `c.node` is null). */
  upsert(c: PodContribution): void {
    this.remove(c.key);
    if (!c.node) return;
    const key = shapeKey(c);
    let shape = this.shapes.get(key);
    if (!shape) this.shapes.set(key, (shape = { requests: c.requests, limits: c.limits }));
    const node = this.nodes.get(c.node) ?? this.nodeSums(c.node);
    apply(node.requests, shape.requests, 1);
    apply(node.limits, shape.limits, 1);
    node.count++;
    this.pods.set(c.key, { node, shape });
    this.snapshot = undefined;
  }

  /** DELETED (or no longer holding anything). */
  remove(key: string): void {
    const prev = this.pods.get(key);
    if (!prev) return;
    this.pods.delete(key);
    const { node, shape } = prev;
    apply(node.requests, shape.requests, -1);
    apply(node.limits, shape.limits, -1);
    node.count--;
    if (node.count <= 0) this.nodes.delete(node.name);
    this.snapshot = undefined;
  }

  /** Pods holding resources on some node. */
  get size(): number {
    return this.pods.size;
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

  private nodeSums(name: string): NodeSums {
    const n: NodeSums = { name, requests: new Map(), limits: new Map(), count: 0 };
    this.nodes.set(name, n);
    return n;
  }
}
