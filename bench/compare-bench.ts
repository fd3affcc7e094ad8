/**
 * Config-drift comparison speed (issue 6): grouping + per-key diff + ConfigMap baseline for 5,000 nodes,
 * measured on configs already in hand (the sim's scale fleet), as server CPU time. Run by the lead's
 * `npm run bench`; standalone: `npx tsx bench/compare-bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { buildCompareReport, type BaselineRequest } from '../lib/domain/compare-report';
import { DEFAULT_IGNORE, type NodeConfigResult } from '../lib/domain/config-variants';
import { createFleet } from '../sim/fleet/create-fleet';

const NODES = 5000;
const TARGET_MS = 150;
const RUNS = 5;

function cpuMs<T>(fn: () => T): { ms: number; wallMs: number; value: T } {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - w0;
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, wallMs, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function benchCompare(): Promise<{ title: string; rows: Array<{ metric: string; value: string; target: string; ok: boolean }> }> {
  const fleet = await createFleet({ scenario: 'scale', nodes: NODES, metrics: false, latency: false, seed: 1, now: new Date('2026-01-01T00:00:00Z') });
  // configs as collectConfigz hands them over: a fresh object per node (JSON round trip, like a parsed body)
  const results: NodeConfigResult[] = fleet.nodes.map((n) => ({
    node: n.name,
    version: n.kubeletVersion,
    ok: true,
    config: JSON.parse(JSON.stringify(n.kubeletConfig)) as Record<string, unknown>,
  }));
  const cm = fleet.configMaps.find((c) => c.metadata.namespace === 'kube-system' && /^kubelet-config/.test(c.metadata.name));
  const yaml = (cm?.data as Record<string, string> | undefined)?.kubelet;
  const baseline: BaselineRequest = yaml
    ? { kind: 'configmap', label: `kube-system/${cm?.metadata.name}`, yaml, legacyName: false }
    : { kind: 'defaults' };

  const run = (by: 'variant' | 'node', showIgnored: boolean) =>
    cpuMs(() => buildCompareReport({ results, ignore: DEFAULT_IGNORE, by, showIgnored, baseline }));

  run('variant', false); // warm-up: JIT and per-version default tables, as in a long-running server
  const samples = Array.from({ length: RUNS }, () => run('variant', false));
  const cold = samples[0] as (typeof samples)[number];
  const cpu = median(samples.map((s) => s.ms));
  const wall = median(samples.map((s) => s.wallMs));
  const withIgnored = median(Array.from({ length: 3 }, () => run('variant', true).ms));
  const report = cold.value;

  return {
    title: `Config drift: group + diff + ConfigMap baseline, ${results.length} nodes`,
    rows: [
      { metric: 'grouping + per-key diff + baseline (CPU, median of 5)', value: `${cpu.toFixed(1)} ms`, target: `≤ ${TARGET_MS} ms`, ok: cpu <= TARGET_MS },
      { metric: 'same, wall clock', value: `${wall.toFixed(1)} ms`, target: '—', ok: true },
      { metric: 'with per-node ignored fields shown (CPU)', value: `${withIgnored.toFixed(1)} ms`, target: '—', ok: true },
      { metric: 'distinct configz bodies / variants', value: `${report.distinctBodies} / ${report.variants.length}`, target: '—', ok: true },
      { metric: 'diff rows (differing)', value: `${report.rows.length} (${report.rows.filter((r) => r.differs).length})`, target: '—', ok: true },
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchCompare().then(
    (r) => {
      console.log(r.title);
      for (const row of r.rows) console.log(`  ${row.ok ? '✓' : '✗'} ${row.metric}: ${row.value} (target ${row.target})`);
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
