'use client';

import { useMemo, useState } from 'react';
import { ErrorPanel } from '@/components/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { computeNodeBudget } from '@/lib/domain/allocatable';
import { budgetFindings } from '@/lib/domain/budget-findings';
import { useNow } from '@/components/use-now';
import { describeError } from '@/lib/view/error-help';
import { evictionOrder, signalToRank } from '@/lib/domain/eviction-order';
import { evaluateThresholds, observeSignals } from '@/lib/domain/eviction-signals';
import { type EvictionSignal, parseEvictionSettings } from '@/lib/domain/eviction-thresholds';
import { useContexts } from '@/lib/queries/contexts';
import { NODE_DETAIL_REFRESH_MS, useNodeDetailQueries, useRefreshNodeParts } from '@/lib/queries/node-detail';
import { BudgetView } from './budget-panel';
import { ConfigView } from './config-panel';
import { fsLayoutOf, kubeletMinor, podEvictionFacts, sumPodResources } from './derive';
import { EvictionView } from './eviction-panel';
import { NodeHeader } from './node-header';
import { Panel } from './panel';
import { NodePostureView } from '@/components/posture/node-posture';
import { useSignalHistory } from './use-signal-history';

type Config = Record<string, unknown>;
const asMap = (v: unknown): Record<string, string> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : undefined;

/**
 * The node detail page body: header plus three independent panels (config, budget, eviction). `serverContext`
 * is the context the server prefetched for (see NodeListView: the header creates the contexts query before the
 * page's HydrationBoundary, so the first render must not wait for it, or server and browser render differently).
 */
export function NodeDetailView({ name, serverContext }: { name: string; serverContext?: string }) {
  const contexts = useContexts();
  const ctx = contexts.data?.current ?? serverContext;
  const q = useNodeDetailQueries(ctx, name);
  const refresh = useRefreshNodeParts(ctx, name);
  const read = {
    node: { what: 'Node object', at: q.node.data?.fetchedAt },
    configz: { what: 'configz', at: q.configz.data?.fetchedAt },
    summary: { what: 'stats/summary', at: q.summary.data?.fetchedAt },
    pods: { what: 'pods', at: q.pods.data?.fetchedAt },
  };
  const node = q.node.data;
  const config = q.configz.data?.kubeletconfig as Config | undefined;
  const summary = q.summary.data;
  const pods = q.pods.data?.items;
  const { minor, source } = kubeletMinor(node?.nodeInfo.kubeletVersion, config);

  // The last hour the server kept, then one sample per Summary refresh.
  const history = useSignalHistory(ctx, name, summary, q.summary.dataUpdatedAt);

  const eviction = useMemo(
    () =>
      config
        ? parseEvictionSettings({
            evictionHard: asMap(config.evictionHard) ?? null,
            evictionSoft: asMap(config.evictionSoft) ?? null,
            evictionSoftGracePeriod: asMap(config.evictionSoftGracePeriod) ?? null,
            evictionMinimumReclaim: asMap(config.evictionMinimumReclaim) ?? null,
          })
        : undefined,
    [config],
  );
  const statuses = useMemo(
    () => (eviction ? evaluateThresholds(eviction.thresholds, summary ? observeSignals(summary) : []) : []),
    [eviction, summary],
  );
  // Without configz the budget still shows what the Node object says (capacity, reported allocatable), with the
  // reservations marked unknown and the reason; the heartbeat's age is judged by the minute, after hydration.
  const configError = !config && q.configz.error ? q.configz.error : undefined;
  const minute = Math.floor(useNow() / 60_000);
  const { budgets, findings } = useMemo(() => {
    if (!node || (!config && !configError)) return { budgets: undefined, findings: [] };
    const maxpid = summary?.node.rlimit?.maxpid;
    const allocConfig = config
      ? {
          kubeReserved: asMap(config.kubeReserved) ?? null,
          systemReserved: asMap(config.systemReserved) ?? null,
          reservedSystemCPUs: typeof config.reservedSystemCPUs === 'string' ? config.reservedSystemCPUs : null,
          evictionHard: asMap(config.evictionHard) ?? null,
          enforceNodeAllocatable: Array.isArray(config.enforceNodeAllocatable)
            ? (config.enforceNodeAllocatable as string[])
            : null,
        }
      : null;
    const ready = node.conditions.find((c) => c.type === 'Ready');
    const help = configError ? describeError(configError, 'nodes/proxy') : undefined;
    const nodefsCap = summary?.node.fs?.capacityBytes;
    const memAvail = summary?.node.memory?.availableBytes;
    return {
      budgets: computeNodeBudget({
        capacity: node.capacity,
        allocatable: node.allocatable,
        config: allocConfig,
        // the panel shows the whole error above the budget; the per-resource sentence names its kind
        ...(help ? { configUnavailable: help.title.toLowerCase() } : {}),
        ...(typeof maxpid === 'number' ? { pidCapacity: BigInt(maxpid) } : {}),
        ...(pods ? { requests: sumPodResources(pods, 'requests'), limits: sumPodResources(pods, 'limits') } : {}),
        status: {
          ...(ready ? { ready: ready.status } : {}),
          ...(ready?.lastHeartbeatTime ? { lastHeartbeatTime: ready.lastHeartbeatTime } : {}),
          ...(minute > 0 ? { nowMs: minute * 60_000 } : {}),
        },
      }),
      findings: budgetFindings({
        capacity: node.capacity,
        allocatable: node.allocatable,
        config: allocConfig
          ? {
              ...allocConfig,
              maxPods: typeof config?.maxPods === 'number' ? config.maxPods : null,
              podsPerCore: typeof config?.podsPerCore === 'number' ? config.podsPerCore : null,
            }
          : null,
        kubeletMinor: source === 'assumed' ? null : minor,
        summary: {
          ...(typeof nodefsCap === 'number' ? { nodefsCapacityBytes: BigInt(Math.trunc(nodefsCap)) } : {}),
          ...(typeof memAvail === 'number' ? { memoryAvailableBytes: BigInt(Math.trunc(memAvail)) } : {}),
        },
      }),
    };
  }, [node, config, configError, summary, pods, minute, minor, source]);
  const choice = useMemo(
    () =>
      signalToRank(
        statuses.map((s) => ({
          signal: s.threshold.signal,
          ...(s.met !== undefined ? { met: s.met } : {}),
          ...(s.distance !== undefined ? { distance: s.distance } : {}),
          ...(s.observation ? { capacity: s.observation.capacity } : {}),
        })),
        node?.conditions ?? [],
      ),
    [statuses, node?.conditions],
  );
  const [rankSignal, setRankSignal] = useState<EvictionSignal | undefined>(undefined);
  const order = useMemo(
    () =>
      pods
        ? evictionOrder(rankSignal ?? choice.signal, podEvictionFacts(pods, summary), fsLayoutOf(summary), !!summary)
        : undefined,
    [pods, summary, rankSignal, choice.signal],
  );

  if (contexts.error && !ctx)
    return <ErrorPanel error={contexts.error} what="the kubeconfig" title="Could not read kube contexts" />;
  if (q.node.error && !node)
    return (
      <ErrorPanel
        error={q.node.error}
        what="nodes"
        title={`Could not read node ${name}`}
        onRetry={() => void q.node.refetch()}
      />
    );
  if (!node) return <Skeleton className="h-40 w-full" />;

  const summaryError = q.summary.error instanceof Error ? q.summary.error.message : undefined;
  return (
    <div className="space-y-6">
      <NodeHeader node={node} />
      <Panel
        id="budget"
        title="Resource budget"
        subtitle="capacity → reservations → eviction → allocatable"
        query={configError ? q.node : q.configz}
        intervalMs={configError ? NODE_DETAIL_REFRESH_MS.node : NODE_DETAIL_REFRESH_MS.configz}
        errorTitle="Budget needs the kubelet config"
        what="nodes/proxy (get), to read the kubelet's /configz"
        readAt={[read.node, read.configz, read.pods]}
        onRefresh={() => refresh(['node', 'configz', 'pods'])}
      >
        {configError ? (
          <div className="mb-4">
            <ErrorPanel
              error={configError}
              what="nodes/proxy (get), to read the kubelet's /configz"
              title="Reservations unknown: the kubelet config could not be read"
              onRetry={() => void q.configz.refetch()}
            />
          </div>
        ) : null}
        {budgets && <BudgetView budgets={budgets} findings={findings} />}
        {q.pods.error ? (
          <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">
            Pod requests unavailable: {q.pods.error.message}
          </p>
        ) : null}
      </Panel>
      <Panel
        id="eviction"
        title="Eviction"
        subtitle="thresholds vs. live signals from stats/summary"
        query={config ? q.summary : q.configz}
        intervalMs={NODE_DETAIL_REFRESH_MS.summary}
        errorTitle={config ? 'Live signals unavailable' : 'Eviction needs the kubelet config'}
        what="nodes/proxy (get), to read the kubelet's /stats/summary and /configz"
        readAt={[read.summary, read.configz, read.pods]}
        onRefresh={() => refresh(['summary', 'configz', 'pods'])}
      >
        {eviction && (
          <EvictionView
            statuses={statuses}
            conditions={node.conditions}
            {...(typeof config?.evictionPressureTransitionPeriod === 'string'
              ? { transitionPeriod: config.evictionPressureTransitionPeriod }
              : {})}
            {...(typeof config?.evictionMaxPodGracePeriod === 'number'
              ? { maxPodGracePeriod: config.evictionMaxPodGracePeriod }
              : {})}
            history={history}
            order={order}
            choice={choice}
            onRankSignal={setRankSignal}
            {...(q.pods.error ? { podsError: q.pods.error.message } : {})}
            problems={eviction.problems}
            {...(summaryError ? { summaryError } : {})}
          />
        )}
      </Panel>
      <Panel
        id="posture"
        title="Security posture"
        subtitle="CIS 1.12 §4 and DISA STIG kubelet checks on /configz"
        query={q.configz}
        intervalMs={NODE_DETAIL_REFRESH_MS.configz}
        errorTitle="Posture needs the kubelet config"
        what="nodes/proxy (get), to read the kubelet's /configz"
        readAt={[read.configz]}
        onRefresh={() => refresh(['configz'])}
      >
        {config && <NodePostureView config={config} kubeletVersion={node.nodeInfo.kubeletVersion} roles={node.roles} />}
      </Panel>
      <Panel
        id="config"
        title="Effective kubelet config"
        subtitle="from /configz"
        query={q.configz}
        intervalMs={NODE_DETAIL_REFRESH_MS.configz}
        errorTitle="Kubelet config unavailable"
        what="nodes/proxy (get), to read the kubelet's /configz"
        readAt={[read.configz]}
        onRefresh={() => refresh(['configz'])}
      >
        {config && <ConfigView config={config} minor={minor} minorSource={source} nodeName={name} />}
      </Panel>
    </div>
  );
}
