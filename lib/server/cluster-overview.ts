import 'server-only';
import type { ApiPart, ClusterEvent, CsrPart, KubeletPart, NodesPart, Problem } from '@/lib/api/clusters';
import { csrState } from '@/lib/domain/csr-approvers';
import { DEFAULT_IGNORE, groupVariants, type NodeConfigResult } from '@/lib/domain/config-variants';
import { deadline as contextDeadline } from '@/lib/deadline';
import { AppError, toStatus } from '@/lib/errors';
import { getFleet } from '@/lib/fleet/fleet';
import { DEFAULT_HARD_THRESHOLDS } from '@/lib/fleet/configz-cache';
import { aggregateStats } from '@/lib/fleet/stats-cache';
import type { Kube } from '@/lib/k8s/client';
import { listCsrWire } from '@/lib/k8s/csrs';
import { unreachableFailure } from '@/lib/k8s/errors';
import { serverVersion } from '@/lib/k8s/version';
import { clusterFacts } from './csr-review';
import { reviewWireCsr } from './csr-reshape';

/**
 * Each context's deadline: a part not answered by then is reported as a timeout (or, for the kubelet sweeps,
 * as partial figures over the nodes read so far). The bench target is every row within 10 s.
 */
const OVERVIEW_DEADLINE_MS = 9000;

/** The longest the kubelet sweeps wait for the other contexts' node and CSR lists (a hung cluster's included). */
const KUBELETS_WAIT_MS = 2000;

class DeadlineError extends AppError {
  constructor(ms: number) {
    super(
      'Timeout',
      504,
      `No answer within ${ms / 1000} s (this context's deadline).`,
      'The API server is slow or a network path hangs: try the context alone (kubectl --request-timeout).',
    );
  }
}

/** The overview's category for an error, from what the error says about itself (never guessed from wording). */
function problemOf(err: unknown): Problem {
  const s = toStatus(err);
  const failure = unreachableFailure(err);
  const problem: Problem['problem'] =
    failure === 'tls'
      ? 'tls'
      : failure === 'exec-plugin'
        ? 'exec-plugin'
        : failure === 'network'
          ? 'unreachable'
          : s.reason === 'Unauthorized' || s.reason === 'SignInRequired'
            ? 'auth'
            : s.reason === 'Forbidden'
              ? 'forbidden'
              : s.reason === 'Timeout'
                ? 'timeout'
                : 'error';
  return { problem, reason: s.reason, message: s.message, ...(s.hint ? { hint: s.hint } : {}) };
}

/** `work` or the deadline, whichever first; the deadline's own error when it wins (the caller's work is abandoned). */
function within<T>(work: Promise<T>, deadline: AbortSignal, ms: number): Promise<T> {
  if (deadline.aborted) return Promise.reject(new DeadlineError(ms));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DeadlineError(ms));
    deadline.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        deadline.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        deadline.removeEventListener('abort', onAbort);
        // a request cut by the deadline's own abort signal rejects with an AbortError: that is the timeout
        reject(deadline.aborted ? new DeadlineError(ms) : e);
      },
    );
  });
}

const failedPart = (err: unknown) => ({ ok: false as const, ...problemOf(err) });

/** Reachable? and the server version: one round trip, so a row shows at once. */
async function apiPart(kube: Kube, deadline: AbortSignal, ms: number): Promise<ApiPart> {
  try {
    return { ok: true, version: await within(serverVersion(kube, deadline), deadline, ms) };
  } catch (err) {
    return failedPart(err);
  }
}

/** Node counts from the identity's node watch (its first LIST, or the running watch's state). */
async function nodesPart(kube: Kube, deadline: AbortSignal, ms: number): Promise<NodesPart> {
  try {
    const fleet = getFleet(kube);
    await within(fleet.nodes.ready(), deadline, ms);
    const nodes = fleet.nodes.list().map((w) => w.node);
    return {
      ok: true,
      nodes: nodes.length,
      notReady: nodes.filter((n) => n.ready !== 'True').length,
      underPressure: nodes.filter((n) => n.pressures.length > 0).length,
    };
  } catch (err) {
    return failedPart(err);
  }
}

/** Pending CSRs, each run through the same safety checks as /csrs. */
async function csrPart(kube: Kube, deadline: AbortSignal, ms: number): Promise<CsrPart> {
  try {
    const [{ items }, { facts, index }] = await within(
      Promise.all([listCsrWire(kube), clusterFacts(kube)]),
      deadline,
      ms,
    );
    const pending = items.filter(
      (w) =>
        csrState(
          (w.status?.conditions ?? []).map((c) => ({ type: c.type, status: c.status })),
          Boolean(w.status?.certificate),
        ).state === 'Pending',
    );
    const reviewed = await within(Promise.all(pending.map((w) => reviewWireCsr(w, facts, index))), deadline, ms);
    const passing = reviewed.filter((r) => r.verdict.allPassed).length;
    return { ok: true, pending: pending.length, passing, failing: pending.length - passing };
  } catch (err) {
    return failedPart(err);
  }
}

/**
 * The smallest eviction headroom and the number of distinct kubelet configs, from one stats sweep and one
 * configz sweep of the identity's fleet layer (its bounded pool and caches: a sweep already running for the
 * node list is joined, fresh cache entries are not read again). At the deadline the figures cover what was read.
 */
async function kubeletPart(kube: Kube, deadline: AbortSignal, ms: number): Promise<KubeletPart> {
  const fleet = getFleet(kube);
  try {
    await within(fleet.nodes.ready(), deadline, ms);
  } catch (err) {
    return failedPart(err);
  }
  const sweeps = Promise.all([fleet.sweeper('configz').sweepOnce(), fleet.sweeper('stats').sweepOnce()]);
  let partial = false;
  try {
    await within(sweeps, deadline, ms);
  } catch (err) {
    if (!(err instanceof DeadlineError)) return failedPart(err);
    partial = true;
  }
  const watched = fleet.nodes.list();
  let headroom: Extract<KubeletPart, { ok: true }>['headroom'] = null;
  let statsRead = 0;
  // one config per distinct body and kubelet version: nodes sharing both share everything grouping looks at
  const distinct = new Map<string, NodeConfigResult>();
  let configzRead = 0;
  for (const { node: detail } of watched) {
    const node = detail.name;
    const configz = fleet.configz.peek(node)?.value;
    if (configz?.ok) {
      configzRead++;
      const version = detail.nodeInfo.kubeletVersion;
      const key = `${configz.value.hash} ${version}`;
      const config = distinct.has(key) ? undefined : fleet.configz.configOfBody(configz.value.hash);
      if (config) distinct.set(key, { node: key, version, ok: true, config });
    }
    const stats = fleet.stats.peek(node);
    if (!stats?.ok) continue;
    statsRead++;
    const own = fleet.configz.hardThresholds(node);
    const agg = aggregateStats(stats.value, own ?? DEFAULT_HARD_THRESHOLDS, own ? 'configz' : 'defaults');
    if (agg.headroom && (!headroom || agg.headroom.percent < headroom.percent)) {
      headroom = { node, ...agg.headroom, thresholds: agg.thresholds };
    }
  }
  // Variants as /compare counts them (its link's target): by meaning, per kubelet version's defaults, minus the
  // per-node fields of the default ignore list. Distinct bodies are not variants: at 5,000 nodes the scale sim's
  // kubelets sent 2,851 different bodies (versions, per-node paths) of far fewer configurations.
  const variants = distinct.size > 0 ? groupVariants([...distinct.values()], DEFAULT_IGNORE).variants.length : 0;
  return { ok: true, nodes: watched.length, headroom, statsRead, variants, configzRead, partial };
}

/** A context to show: its Kube, or why none could be made (a context naming a cluster the kubeconfig lacks). */
export type OverviewTarget = Kube | { context: string; server: string; error: unknown };

/**
 * The fleet overview (/clusters, GET /api/clusters) as events, in the order they happen. Every context runs at
 * once, each under its own deadline and with its own fleet layer (bounded kubelet pool and rate limiter per
 * identity, lib/fleet/fleet.ts) and connections: a context that hangs delays only its own row. `emit` is called
 * as each part lands; the promise settles once every context has answered or hit its deadline.
 */
export async function clusterOverview(
  targets: readonly OverviewTarget[],
  emit: (e: ClusterEvent) => void,
  o: { deadlineMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const ms = o.deadlineMs ?? OVERVIEW_DEADLINE_MS;
  const t0 = performance.now();
  const since = () => Math.round(performance.now() - t0);
  emit({ type: 'start', contexts: targets.map((k) => ({ name: k.context, server: k.server })), deadlineMs: ms });
  // Each context's one-LIST parts settle (or fail) before any context starts its kubelet sweeps, or after
  // KUBELETS_WAIT_MS at most: 20 clusters' sweeps at once fill the event loop and the connection pools, and
  // then starve the node and CSR lists of the others until their deadline (BENCHMARKS.md `clusters`).
  const listsSettled = targets.map(() => {
    let resolve = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  });
  let gate: ReturnType<typeof setTimeout> | undefined;
  const kubeletsMayStart = Promise.race([
    Promise.all(listsSettled.map((d) => d.promise)),
    new Promise<void>((resolve) => (gate = setTimeout(resolve, Math.min(KUBELETS_WAIT_MS, ms)))),
  ]).finally(() => clearTimeout(gate));
  await Promise.all(
    targets.map(async (target, i) => {
      const lists = listsSettled[i];
      if (!('identity' in target)) {
        const failed = failedPart(target.error);
        emit({ type: 'api', context: target.context, api: failed, ms: since() });
        emit({ type: 'nodes', context: target.context, nodes: failed, ms: since() });
        emit({ type: 'csrs', context: target.context, csrs: failed, ms: since() });
        emit({ type: 'kubelets', context: target.context, kubelets: failed, ms: since() });
        lists?.resolve();
        return;
      }
      const kube = target;
      // a timer that cannot be garbage-collected before it fires (lib/deadline.ts: AbortSignal.any with
      // AbortSignal.timeout let this 9 s deadline pass unnoticed until 22 s at 5,000 nodes)
      const limit = contextDeadline(ms, o.signal);
      const deadline = limit.signal;
      try {
        const api = await apiPart(kube, deadline, ms);
        emit({ type: 'api', context: kube.context, api, ms: since() });
        if (!api.ok) {
          lists?.resolve();
          // the API server did not answer or refused us: the other parts would only repeat the same failure
          const same = {
            ok: false as const,
            problem: api.problem,
            reason: api.reason,
            message: 'Not read: the API server check failed.',
          };
          emit({ type: 'nodes', context: kube.context, nodes: same, ms: since() });
          emit({ type: 'csrs', context: kube.context, csrs: same, ms: since() });
          emit({ type: 'kubelets', context: kube.context, kubelets: same, ms: since() });
          return;
        }
        const listed = Promise.all([
          nodesPart(kube, deadline, ms).then((nodes) =>
            emit({ type: 'nodes', context: kube.context, nodes, ms: since() }),
          ),
          csrPart(kube, deadline, ms).then((csrs) => emit({ type: 'csrs', context: kube.context, csrs, ms: since() })),
        ]).finally(() => lists?.resolve());
        const kubelets = kubeletsMayStart
          .then(() => kubeletPart(kube, deadline, ms))
          .then((k) => emit({ type: 'kubelets', context: kube.context, kubelets: k, ms: since() }));
        await Promise.all([listed, kubelets]);
      } finally {
        lists?.resolve();
        limit.clear();
      }
    }),
  );
  emit({ type: 'end', ms: since() });
}
