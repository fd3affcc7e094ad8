import type { NodeModel } from './model';
import { buildNodeObject, conditionsOf, taintsOf, type NodeTimes } from './node-object';
import type { SimNode } from './types';
import { hash32, rfc3339 } from './rng';
import { nodeUsage, pressureCanChange, pressureOf, type Pressure } from './usage';

/** Mutable per-node bookkeeping behind a SimNode: when it last heartbeated and what its conditions say. */
export interface NodeState {
  model: NodeModel;
  sim: SimNode;
  times: NodeTimes;
  pressure: Pressure;
  /** false when no usage the node can reach crosses a threshold differently: tick() skips its usage */
  pressureVaries: boolean;
  /** nodeStatusReportFrequency in ms */
  reportMs: number;
  /** when the kubelet next posts its status unprompted (epoch ms) */
  nextReportMs: number;
}

function goDurationSeconds(d: unknown, fallback: number): number {
  if (typeof d !== 'string') return fallback;
  const m = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?$/.exec(d);
  if (!m) return fallback;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

export function initNodeState(model: NodeModel, seed: number, now: Date): NodeState {
  const pressure = pressureOf(model, nodeUsage(model, seed, now));
  const reportMs = goDurationSeconds(model.config.nodeStatusReportFrequency, 300) * 1000;
  // kubelets started at different moments: each posts its status at its own phase of the report period,
  // so a 5,000-node fleet refreshes a few nodes per tick rather than all of them at once
  const lastReportMs =
    Math.floor(now.getTime() / 1000) * 1000 -
    (hash32(seed, `${model.key}/report`) % Math.max(1, reportMs / 1000)) * 1000;
  const times: NodeTimes = {
    heartbeat: rfc3339(lastReportMs),
    since: rfc3339(model.bootTime.getTime() + 20000),
    lostAt: rfc3339(model.notReady ? now.getTime() - 37 * 60000 : model.bootTime.getTime() + 20000),
  };
  const sim: SimNode = {
    name: model.name,
    object: buildNodeObject(model, pressure, times),
    kubeletVersion: model.version,
    profile: model.profile,
    kubeletConfig: model.config,
    ...(model.fault ? { fault: model.fault } : {}),
  };
  return {
    model,
    sim,
    times,
    pressure,
    pressureVaries: pressureCanChange(model, seed, now),
    reportMs,
    nextReportMs: lastReportMs + reportMs,
  };
}

/**
 * Advance one node to `now`: pressure conditions follow the thresholds; the heartbeat is refreshed every
 * nodeStatusReportFrequency (the Lease carries liveness in between, so unchanged nodes stay unchanged).
 * Returns whether the Node object changed.
 */
export function tickNodeState(s: NodeState, seed: number, now: Date): boolean {
  if (s.model.notReady) return false;
  const nowMs = now.getTime();
  const stale = nowMs >= s.nextReportMs;
  if (!stale && !s.pressureVaries) return false;
  const p = s.pressureVaries ? pressureOf(s.model, nodeUsage(s.model, seed, now)) : s.pressure;
  const changed = p.memory !== s.pressure.memory || p.disk !== s.pressure.disk || p.pid !== s.pressure.pid;
  if (!changed && !stale) return false;
  const nowIso = rfc3339(now);
  s.times = { ...s.times, heartbeat: nowIso, ...(changed ? { since: nowIso, lostAt: nowIso } : {}) };
  s.pressure = p;
  s.nextReportMs = nowMs + s.reportMs;
  const status = s.sim.object.status as Record<string, unknown>;
  status.conditions = conditionsOf(s.model, p, s.times.heartbeat, s.times.since, s.times.lostAt);
  const spec = s.sim.object.spec as Record<string, unknown>;
  const taints = taintsOf(s.model, p, s.times.lostAt);
  if (taints.length) spec.taints = taints;
  else delete spec.taints;
  return true;
}
