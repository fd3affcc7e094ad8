import type { NodeRow } from '@/lib/api/nodes';
import { parseKubeletVersion } from '@/lib/domain/kubelet-version';
import { NO_ROLE, type NodeViewState, type StatusFilter } from './node-view-state';

/**
 * kubectl's STATUS: "Ready" when the Ready condition is True, otherwise "NotReady". A condition left
 * Unknown by the node lifecycle controller (kubelet stopped posting) is NotReady too, as kubectl prints it.
 */
export function kubectlStatus(node: Pick<NodeRow, 'ready'>): StatusFilter {
  return node.ready === 'True' ? 'Ready' : 'NotReady';
}

/** @internal exported for its unit tests */
export interface TextQuery {
  /** plain words: each must appear in the name (or internal IP), case-insensitive */
  words: string[];
  /** `key=value` tokens: each label must be present with exactly that value (`key=` matches an empty value) */
  labels: Array<[key: string, value: string]>;
}

/**
 * Splits the free-text filter into name words and `key=value` label selectors (ANDed, like a label selector).
 * @internal exported for its unit tests
 */
export function parseTextQuery(q: string): TextQuery {
  const words: string[] = [];
  const labels: Array<[string, string]> = [];
  for (const token of q.trim().split(/\s+/)) {
    if (token === '') continue;
    const eq = token.indexOf('=');
    if (eq > 0) labels.push([token.slice(0, eq), token.slice(eq + 1)]);
    else words.push(token.toLowerCase());
  }
  return { words, labels };
}

type Criteria = Omit<NodeViewState, 'sort' | 'dir' | 'q'> & { text: TextQuery };

function matches(node: NodeRow, c: Criteria): boolean {
  const haystack = `${node.name} ${node.internalIP ?? ''}`.toLowerCase();
  if (!c.text.words.every((w) => haystack.includes(w))) return false;
  if (!c.text.labels.every(([k, v]) => node.labels[k] === v)) return false;
  if (c.status && kubectlStatus(node) !== c.status) return false;
  if (c.role && !(c.role === NO_ROLE ? node.roles.length === 0 : node.roles.includes(c.role))) return false;
  if (c.version && node.kubeletVersion !== c.version) return false;
  if (c.cordoned && !node.unschedulable) return false;
  if (c.pressure === 'any' && node.pressures.length === 0) return false;
  if (c.pressure === 'none' && node.pressures.length > 0) return false;
  if (c.pressure && c.pressure !== 'any' && c.pressure !== 'none' && !node.pressures.includes(c.pressure)) {
    return false;
  }
  return true;
}

/** Nodes matching every filter of the view state (sorting is the table's job). Keeps the input order. */
export function filterNodes(nodes: readonly NodeRow[], state: NodeViewState): NodeRow[] {
  const { sort: _sort, dir: _dir, q, ...rest } = state;
  const criteria: Criteria = { ...rest, text: parseTextQuery(q) };
  return nodes.filter((n) => matches(n, criteria));
}

export interface NodeCounts {
  total: number;
  notReady: number;
  /** nodes with at least one pressure condition True */
  underPressure: number;
  /** spec.unschedulable (kubectl cordon) */
  cordoned: number;
}

export function countNodes(nodes: readonly NodeRow[]): NodeCounts {
  let notReady = 0;
  let underPressure = 0;
  let cordoned = 0;
  for (const n of nodes) {
    if (kubectlStatus(n) === 'NotReady') notReady++;
    if (n.pressures.length > 0) underPressure++;
    if (n.unschedulable) cordoned++;
  }
  return { total: nodes.length, notReady, underPressure, cordoned };
}

/** Choices offered by the role and version filters: what the fleet actually has. Versions newest first. */
export function nodeFacets(nodes: readonly NodeRow[]): { roles: string[]; versions: string[] } {
  const roles = new Set<string>();
  const versions = new Set<string>();
  let noRole = false;
  for (const n of nodes) {
    if (n.roles.length === 0) noRole = true;
    n.roles.forEach((r) => roles.add(r));
    versions.add(n.kubeletVersion);
  }
  const versionKey = (text: string): [number, number, number] => {
    const v = parseKubeletVersion(text);
    return v ? [v.major, v.minor, v.patch] : [-1, -1, -1];
  };
  return {
    roles: [...[...roles].sort(), ...(noRole ? [NO_ROLE] : [])],
    versions: [...versions].sort((a, b) => {
      const [x, y] = [versionKey(a), versionKey(b)];
      return y[0] - x[0] || y[1] - x[1] || y[2] - x[2] || a.localeCompare(b);
    }),
  };
}
