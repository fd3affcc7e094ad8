import type { NodeModel } from './model';
import { rfc3339 } from './rng';
import { buildNodeObject, conditionsOf, taintsOf, type NodeTimes } from './node-object';
import type { SimNode } from './types';
import { nodeUsage, pressureOf, type Pressure } from './usage';

/** Mutable per-node bookkeeping behind a SimNode: when it last heartbeated and what its conditions say. */
export interface NodeState {
  model: NodeModel;
  sim: SimNode;
  times: NodeTimes;
  pressure: Pressure;
}

function goDurationSeconds(d: unknown, fallback: number): number {
  if (typeof d !== 'string') return fallback;
  const m = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?$/.exec(d);
  if (!m) return fallback;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

export function initNodeState(model: NodeModel, seed: number, now: Date): NodeState {
  const pressure = pressureOf(model, nodeUsage(model, seed, now));
  const iso = (ms: number) => rfc3339(ms);
  const times: NodeTimes = {
    heartbeat: iso(now.getTime() - ((model.minor * 7 + model.name.length * 13) % 50) * 1000),
    since: iso(model.bootTime.getTime() + 20000),
    lostAt: iso(model.notReady ? now.getTime() - 37 * 60000 : model.bootTime.getTime() + 20000),
  };
  const sim: SimNode = {
    name: model.name,
    object: buildNodeObject(model, pressure, times),
    kubeletVersion: model.version,
    profile: model.profile,
    kubeletConfig: model.config,
    ...(model.fault ? { fault: model.fault } : {}),
  };
  return { model, sim, times, pressure };
}

/**
 * Advance one node to `now`: pressure conditions follow the thresholds; the heartbeat is refreshed every
 * nodeStatusReportFrequency (the Lease carries liveness in between, so unchanged nodes stay unchanged).
 * Returns whether the Node object changed.
 */
export function tickNodeState(s: NodeState, seed: number, now: Date): boolean {
  if (s.model.notReady) return false;
  const p = pressureOf(s.model, nodeUsage(s.model, seed, now));
  const changed = p.memory !== s.pressure.memory || p.disk !== s.pressure.disk || p.pid !== s.pressure.pid;
  const report = goDurationSeconds(s.model.config.nodeStatusReportFrequency, 300) * 1000;
  const stale = now.getTime() - Date.parse(s.times.heartbeat) >= report;
  if (!changed && !stale) return false;
  const nowIso = rfc3339(now);
  s.times = { ...s.times, heartbeat: nowIso, ...(changed ? { since: nowIso, lostAt: nowIso } : {}) };
  s.pressure = p;
  const status = s.sim.object.status as Record<string, unknown>;
  status.conditions = conditionsOf(s.model, p, s.times.heartbeat, s.times.since, s.times.lostAt);
  const spec = s.sim.object.spec as Record<string, unknown>;
  const taints = taintsOf(s.model, p, s.times.lostAt);
  if (taints.length) spec.taints = taints;
  else delete spec.taints;
  return true;
}
