import 'server-only';
import packageJson from '@/package.json';
import type { PostureQuery } from '@/lib/api/posture';
import { matchesSelector, parseLabelSelector, LabelSelectorError, type Requirement } from '@/lib/domain/label-selector';
import { checkById } from '@/lib/domain/posture/catalog';
import { evaluateNode, type NodePosture } from '@/lib/domain/posture/evaluate';
import { postureCsv } from '@/lib/domain/posture/export-csv';
import { postureSarif } from '@/lib/domain/posture/export-sarif';
import { buildPostureReport, type NodeEvaluation, type PostureReport } from '@/lib/domain/posture/report';
import { AppError, NotFoundError } from '@/lib/errors';
import type { Kube } from '@/lib/k8s/client';
import type { ConfigzEntry } from '@/lib/fleet/configz-cache';
import { getFleet, type Fleet } from '@/lib/fleet/fleet';
import type { Staleness } from '@/lib/api/freshness';
import { syncFields } from './sync-fields';

/**
 * Kubelet security posture for the fleet of one kube identity, from the configz the fleet layer already keeps
 * (lib/fleet/configz-cache.ts): a node whose configz is cached and still valid is judged without a request; one
 * not read yet (or stale) is read through the shared pool, joining any read a sweep, the compare page or another
 * viewer has in flight, and cached for them. So the posture page costs the kubelets nothing once the node list,
 * a configz sweep or compare has run, and at most one read per node otherwise.
 */

/** Outcomes per distinct (configz body, kubelet version, control-plane role): 5,000 nodes run a few thousand at most. */
const evaluations = new WeakMap<Fleet, Map<string, NodePosture>>();
const EVALUATION_CACHE_MAX = 20_000;

/** Waiting longer than this for cold reads answers with what has arrived and lists the rest as pending. */
const PAGE_WAIT_MS = 1500;
/**
 * The /posture HTML waits `waitMs` at most, and only when at most `coldReads` kubelets have no cached configz
 * (a small cluster's first visit then shows every node judged): on a cold fleet of 5,000 nodes the 1.5 s
 * wait judged ~260 nodes and put the first check row at 5.3 s in Chromium (BENCHMARKS.md, `browser`), over the
 * node list's 1.5 s budget, and even 0.25 s judged none. The page's poll (every 2 s while reading,
 * lib/queries/posture.ts) brings the rest; cached nodes are judged without waiting.
 */
const FIRST_SCREEN = { waitMs: 250, coldReads: 200 } as const;
/** Downloads wait for every read (each one is bounded by the kubelet deadline and its retry). */
const EXPORT_WAIT_MS = 30_000;

function parseSelector(text: string | undefined): Requirement[] {
  try {
    return parseLabelSelector(text ?? '');
  } catch (err) {
    if (err instanceof LabelSelectorError) throw new AppError('Invalid', 422, `label selector: ${err.message}`);
    throw err;
  }
}

function postureOf(
  fleet: Fleet,
  hash: string,
  kubeletVersion: string,
  roles: readonly string[],
): NodePosture | undefined {
  let cache = evaluations.get(fleet);
  if (!cache) evaluations.set(fleet, (cache = new Map()));
  const key = `${hash}|${kubeletVersion}|${roles.join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const config = fleet.configz.configOfBody(hash);
  if (!config) return undefined; // the body was replaced while we waited: the node is pending
  if (cache.size >= EVALUATION_CACHE_MAX) cache.clear();
  const posture = evaluateNode({ config, kubeletVersion, roles });
  cache.set(key, posture);
  return posture;
}

/** Resolves after `ms`, or at once when the caller goes away (the reads go on and are cached for the next one). */
const delay = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Every selected node's evaluation, in name order: judged (configz cached or read within `waitMs`), unreadable
 * (the read failed: unreachable, forbidden, malformed), or pending (still on the wire when `waitMs` ran out).
 *
 * `waitIfColdAtMost` (the first screen): with more kubelets than that not read yet, nothing is waited for, and
 * `deferColdReads`, when given, starts their reads instead of now: the page passes Next's `after`, so the HTML is
 * rendered and sent before thousands of answers compete with it for the event loop (at 5,000 cold nodes the HTML
 * took ~0.6 s longer to stream while they arrived). The page's poll then finds them on the wire or cached.
 * @internal exported for its unit tests (the route answers through getPosture)
 */
export async function evaluateFleetPosture(
  kube: Kube,
  o: {
    selector?: string;
    waitMs: number;
    waitIfColdAtMost?: number;
    deferColdReads?: (start: () => void) => void;
    signal?: AbortSignal;
  },
): Promise<NodeEvaluation[]> {
  const selector = parseSelector(o.selector);
  const fleet = getFleet(kube);
  await fleet.nodes.ready();
  const nodes = fleet.nodes.list().filter((w) => matchesSelector(selector, w.node.labels));
  const isCold = ({ node }: (typeof nodes)[number]) => !fleet.configz.peek(node.name);
  const cold = o.waitIfColdAtMost === undefined ? 0 : nodes.filter(isCold).length;
  const manyCold = cold > (o.waitIfColdAtMost ?? Infinity);
  // cached entries settle in microtasks, before even a zero wait ends: a cold fleet is answered with them at once
  const waitMs = manyCold ? 0 : o.waitMs;
  const settled = new Map<string, ConfigzEntry>();
  const read = ({ node, bootID }: (typeof nodes)[number]) =>
    fleet.configz
      .get(node.name, { kubeletVersion: node.nodeInfo.kubeletVersion, bootID, ready: node.ready })
      .then((entry) => void settled.set(node.name, entry))
      // a read that throws instead of settling leaves its node pending; it never fails the report
      .catch(() => undefined);
  const defer = manyCold ? o.deferColdReads : undefined;
  const reads = defer ? nodes.filter((n) => !isCold(n)).map(read) : nodes.map(read);
  if (defer) {
    const coldNodes = nodes.filter(isCold);
    defer(() => coldNodes.forEach(read));
  }
  await Promise.race([Promise.all(reads), delay(waitMs, o.signal)]);

  return nodes.map(({ node }): NodeEvaluation => {
    const { name } = node;
    const kubeletVersion = node.nodeInfo.kubeletVersion;
    const entry = settled.get(name);
    if (!entry) return { name, kubeletVersion, state: 'pending' };
    if (!entry.ok) return { name, kubeletVersion, state: 'unreadable', reason: entry.reason, message: entry.message };
    const posture = postureOf(fleet, entry.value.hash, kubeletVersion, node.roles);
    return posture ? { name, kubeletVersion, state: 'ok', posture } : { name, kubeletVersion, state: 'pending' };
  });
}

type PostureAnswer =
  | { kind: 'json'; report: PostureReport & Staleness }
  | { kind: 'file'; body: string; contentType: string; filename: string };

/** GET /api/posture: the report view the page asked for, or a CSV / SARIF download of every node and check. */
export async function getPosture(
  kube: Kube,
  q: PostureQuery,
  o: { signal?: AbortSignal; firstScreen?: { deferColdReads?: (start: () => void) => void } } = {},
): Promise<PostureAnswer> {
  if (q.view === 'check' && (!q.check || !checkById(q.check))) throw new NotFoundError('posture check', q.check ?? '');
  const download = q.format !== 'json' || q.view === 'full';
  const evaluated = await evaluateFleetPosture(kube, {
    selector: q.selector,
    waitMs: download ? EXPORT_WAIT_MS : o.firstScreen ? FIRST_SCREEN.waitMs : PAGE_WAIT_MS,
    ...(o.firstScreen && !download
      ? { waitIfColdAtMost: FIRST_SCREEN.coldReads, deferColdReads: o.firstScreen.deferColdReads }
      : {}),
    signal: o.signal,
  });
  // the node set is the watch's: its last successful sync, and stale + error while the watch is failing
  const sync = syncFields(getFleet(kube).nodes.sync);
  const fetchedAt = sync.fetchedAt;
  const meta = { context: kube.context, fetchedAt, ...(q.selector ? { selector: q.selector } : {}) };
  const safeContext = kube.context.replace(/[^\w.-]+/g, '_') || 'cluster';
  if (q.format === 'csv')
    return {
      kind: 'file',
      body: postureCsv(evaluated),
      contentType: 'text/csv; charset=utf-8',
      filename: `kubelet-posture-${safeContext}.csv`,
    };
  if (q.format === 'sarif')
    return {
      kind: 'file',
      body: JSON.stringify(postureSarif(evaluated, { ...meta, toolVersion: packageJson.version })),
      contentType: 'application/sarif+json',
      filename: `kubelet-posture-${safeContext}.sarif`,
    };
  return {
    kind: 'json',
    report: { ...buildPostureReport(evaluated, { view: q.view, checkId: q.check, ...meta }), ...sync },
  };
}
