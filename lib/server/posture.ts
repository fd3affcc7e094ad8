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
 * @internal exported for its unit tests (the route answers through getPosture)
 */
export async function evaluateFleetPosture(
  kube: Kube,
  o: { selector?: string; waitMs: number; signal?: AbortSignal },
): Promise<NodeEvaluation[]> {
  const selector = parseSelector(o.selector);
  const fleet = getFleet(kube);
  await fleet.nodes.ready();
  const nodes = fleet.nodes.list().filter((w) => matchesSelector(selector, w.node.labels));
  const settled = new Map<string, ConfigzEntry>();
  const reads = nodes.map(({ node, bootID }) =>
    fleet.configz
      .get(node.name, { kubeletVersion: node.nodeInfo.kubeletVersion, bootID, ready: node.ready })
      .then((entry) => void settled.set(node.name, entry))
      // a read that throws instead of settling leaves its node pending; it never fails the report
      .catch(() => undefined),
  );
  await Promise.race([Promise.all(reads), delay(o.waitMs, o.signal)]);

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
export async function getPosture(kube: Kube, q: PostureQuery, signal?: AbortSignal): Promise<PostureAnswer> {
  if (q.view === 'check' && (!q.check || !checkById(q.check))) throw new NotFoundError('posture check', q.check ?? '');
  const download = q.format !== 'json' || q.view === 'full';
  const evaluated = await evaluateFleetPosture(kube, {
    selector: q.selector,
    waitMs: download ? EXPORT_WAIT_MS : PAGE_WAIT_MS,
    signal,
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
