import { generateClusterCa, generateKubeletKey } from './csr-crypto';
import type { CsrPool } from './csr-pool';
import { buildCsr, clientRenewalCsr, csrContent, demoCsrInputs, servingCsr, type CsrContext } from './csrs';
import type { NodeModel } from './model';
import { createRng } from './rng';
import { ackCsrFlood } from './scenario-clusters';
import type { KubeObject, Scenario } from './types';

/** Below this many pending CSRs, worker threads cost more than they save. */
export const POOL_THRESHOLD = 100;

export interface CsrSet {
  initial: KubeObject[];
  /** new pending CSRs due by `at` (demo: one every interval) */
  due(at: Date): Promise<KubeObject[]>;
}

/** Builds the CSR catalogue: demo cast, `pendingCsrs` good serving CSRs, and the periodic demo arrivals. */
export async function createCsrSet(o: {
  scenario: Scenario;
  nodes: NodeModel[];
  seed: number;
  now: Date;
  pendingCsrs: number;
  intervalSeconds: number;
  /** builds the pending CSRs' requests off this thread when there are at least POOL_THRESHOLD */
  pool?: CsrPool;
}): Promise<CsrSet> {
  const rng = createRng(o.seed, 'csrs');
  const names = new Set<string>();
  const fresh = () => {
    let n: string;
    do n = `csr-${rng.suffix(5)}`;
    while (names.has(n));
    names.add(n);
    return n;
  };
  const demoInputs =
    o.scenario === 'demo'
      ? demoCsrInputs(new Map(o.nodes.map((n) => [n.name, n])), o.now)
      : o.scenario === 'ack'
        ? ackCsrFlood(o.nodes, o.now, fresh)
        : [];
  for (const i of demoInputs) names.add(i.name);
  const healthy = o.nodes.filter((n) => !n.notReady && !n.fault);
  const count = Math.min(o.pendingCsrs, healthy.length);
  const step = healthy.length / Math.max(1, count);
  const pending = Array.from({ length: count }, (_, k) => healthy[Math.floor(k * step)]).filter(
    (n): n is NodeModel => n !== undefined,
  );
  const pendingInputs = pending.map((n, k) => servingCsr(fresh(), n, new Date(o.now.getTime() - (k % 3600) * 1000)));
  // started before the first await: the requests are built on worker threads while the caller builds pods
  const pendingPems =
    o.pool && pendingInputs.length >= POOL_THRESHOLD ? o.pool.createCsrPems(pendingInputs.map(csrContent)) : undefined;

  const born = new Date(Math.min(...o.nodes.map((n) => n.createdAt.getTime())) - 86400000);
  const [ca, ...keys] = await Promise.all([
    generateClusterCa(born),
    generateKubeletKey(),
    generateKubeletKey(),
    generateKubeletKey(),
    generateKubeletKey(),
  ]);
  const ctx: CsrContext = {
    ca,
    keys,
    uid: () => rng.uuid(),
    serial: () => `${(rng.int(1, 7) + 8).toString(16)}${rng.hex(31)}`,
  };
  const initial: KubeObject[] = await Promise.all(demoInputs.map((i, k) => buildCsr(i, ctx, k)));
  const pems = await pendingPems;
  initial.push(...(await Promise.all(pendingInputs.map((input, k) => buildCsr(input, ctx, k, pems?.[k])))));

  let emitted = 0;
  const candidates = o.nodes.filter((n) => n.profile === 'kubeadm' && !n.notReady);
  return {
    initial,
    due: async (at) => {
      if (o.scenario !== 'demo' || o.intervalSeconds <= 0 || candidates.length === 0) return [];
      const wanted = Math.floor((at.getTime() - o.now.getTime()) / 1000 / o.intervalSeconds);
      const out: KubeObject[] = [];
      // at most a few per tick, so a long pause does not flood the list
      while (emitted < wanted && out.length < 3) {
        const n = candidates[emitted % candidates.length];
        if (!n) break;
        const createdAt = new Date(o.now.getTime() + (emitted + 1) * o.intervalSeconds * 1000);
        const input =
          emitted % 2 === 0 ? servingCsr(fresh(), n, createdAt) : clientRenewalCsr(fresh(), n.name, createdAt);
        out.push(await buildCsr(input, ctx, emitted));
        emitted++;
      }
      if (emitted < wanted) emitted = wanted;
      return out;
    },
  };
}
