/** printPod from pkg/printers/internalversion/printers.go (the parts our pods exercise), plus small kinds. */
import type { KubeObject } from '../fleet/types';
import { ageSince } from './duration';

interface ContainerStatusWire {
  ready?: boolean;
  restartCount?: number;
  state?: {
    waiting?: { reason?: string };
    running?: object;
    terminated?: { reason?: string; signal?: number; exitCode?: number };
  };
  lastState?: { terminated?: { finishedAt?: string } };
}

interface PodWire {
  metadata: { name: string; creationTimestamp?: string; deletionTimestamp?: string };
  spec?: { containers?: unknown[]; nodeName?: string; readinessGates?: Array<{ conditionType: string }> };
  status?: {
    phase?: string;
    reason?: string;
    podIP?: string;
    nominatedNodeName?: string;
    conditions?: Array<{ type: string; status: string }>;
    containerStatuses?: ContainerStatusWire[];
  };
}

export function podCells(obj: KubeObject, now: number): Array<string | number> {
  const pod = obj as unknown as PodWire;
  const total = pod.spec?.containers?.length ?? 0;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let reason = pod.status?.reason || pod.status?.phase || '';
  let hasRunning = false;
  const statuses = [...(pod.status?.containerStatuses ?? [])].reverse();
  for (const c of statuses) {
    restarts += c.restartCount ?? 0;
    const finished = c.lastState?.terminated?.finishedAt;
    if (finished) lastRestart = Math.max(lastRestart, Date.parse(finished));
    const term = c.state?.terminated;
    if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
    else if (term?.reason) reason = term.reason;
    else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
    else if (c.ready && c.state?.running) {
      hasRunning = true;
      ready++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    const podReady = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    reason = podReady ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp) reason = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  const restartCell = lastRestart
    ? `${restarts} (${ageSince(new Date(lastRestart).toISOString(), now)} ago)`
    : String(restarts);
  const gates = pod.spec?.readinessGates ?? [];
  const gatesTrue = gates.filter((g) =>
    pod.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True'),
  ).length;
  return [
    pod.metadata.name,
    `${ready}/${total}`,
    reason,
    restartCell,
    ageSince(pod.metadata.creationTimestamp, now),
    pod.status?.podIP || '<none>',
    pod.spec?.nodeName || '<none>',
    pod.status?.nominatedNodeName || '<none>',
    gates.length ? `${gatesTrue}/${gates.length}` : '<none>',
  ];
}
