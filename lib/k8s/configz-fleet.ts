import 'server-only';
import { ZodError } from 'zod';
import { getFleet } from '@/lib/fleet/fleet';
import { AppError, type Reason } from '@/lib/errors';
import type { Kube } from './client';

/**
 * Reads configz for a set of nodes through a bounded pool. Every node gets a result, ok or not: an
 * unreachable, forbidden or malformed kubelet is reported with its reason and never drops the node or fails
 * the batch. Reads go through lib/fleet's shared cache and pool; callers depend only on `collectConfigz`.
 */
export type ConfigzResult =
  | { node: string; version: string; ok: true; config: Record<string, unknown> }
  | { node: string; version: string; ok: false; reason: string; message: string };

export interface CollectOptions {
  /** requests in flight at once; default 32 (the apiserver proxies each one to a kubelet) */
  concurrency?: number;
  /** per-request deadline; default KD_KUBELET_TIMEOUT_MS */
  timeoutMs?: number;
  /** kubelet version per node (from the Node objects), reported with each result */
  versions?: ReadonlyMap<string, string>;
  signal?: AbortSignal;
}

export const DEFAULT_CONCURRENCY = 32;

type Fetcher = (node: string, opts: { signal?: AbortSignal; timeoutMs?: number }) => Promise<Record<string, unknown>>;

function failure(node: string, version: string, err: unknown): ConfigzResult {
  if (err instanceof AppError) return { node, version, ok: false, reason: err.reason, message: err.message };
  if (err instanceof ZodError)
    return { node, version, ok: false, reason: 'Invalid', message: `"${node}" is not a valid node name` };
  return { node, version, ok: false, reason: 'InternalError', message: 'configz could not be read' };
}

/**
 * The pool itself, with the fetch injected (tested without a cluster). Results keep the input order.
 * Workers pull the next index from a shared counter, so a slow kubelet holds one slot, not a whole batch.
 */
export async function collectWith(
  fetcher: Fetcher,
  nodeNames: readonly string[],
  o: CollectOptions = {},
): Promise<ConfigzResult[]> {
  const results = new Array<ConfigzResult>(nodeNames.length);
  const limit = Math.max(1, Math.min(o.concurrency ?? DEFAULT_CONCURRENCY, nodeNames.length));
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < nodeNames.length; i = next++) {
      const node = nodeNames[i] as string;
      const version = o.versions?.get(node) ?? '';
      if (o.signal?.aborted) {
        results[i] = {
          node,
          version,
          ok: false,
          reason: 'Timeout',
          message: 'request cancelled before configz was read',
        };
        continue;
      }
      try {
        results[i] = {
          node,
          version,
          ok: true,
          config: await fetcher(node, { signal: o.signal, timeoutMs: o.timeoutMs }),
        };
      } catch (err) {
        results[i] = failure(node, version, err);
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/**
 * configz of every named node through the fleet layer's shared cache and pool (lib/fleet): a body already read
 * for this identity is reused unless the node's kubelet version changed (or it expired, see configzStale), and
 * reads in flight are shared with sweeps and other callers. Requests in flight are bounded by the identity's pool
 * (KD_FLEET_CONCURRENCY, hard cap 64) whatever `concurrency` says; `concurrency` (default: that bound) caps how
 * many of this call's nodes wait in the pool at once. Each result is the caller's own copy.
 */
export function collectConfigz(
  kube: Kube,
  nodeNames: readonly string[],
  o: CollectOptions = {},
): Promise<ConfigzResult[]> {
  const fleet = getFleet(kube);
  return collectWith(
    async (node, opts) => {
      const watched = fleet.nodes.get(node);
      const version = o.versions?.get(node) ?? watched?.node.nodeInfo.kubeletVersion ?? '';
      const facts = watched
        ? { kubeletVersion: version, bootID: watched.bootID, ready: watched.node.ready }
        : { kubeletVersion: version };
      const entry = await fleet.configz.get(node, facts, { timeoutMs: opts.timeoutMs });
      if (!entry.ok) throw new AppError(entry.reason as Reason, entry.code, entry.message);
      const config = fleet.configz.config(entry.value.hash);
      if (!config) throw new AppError('InternalError', 500, 'configz was evicted while being read');
      return config;
    },
    nodeNames,
    { ...o, concurrency: o.concurrency ?? fleet.settings.concurrency },
  );
}
