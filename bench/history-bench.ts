/**
 * Section: memory of the per-identity signal history (lib/fleet/signal-history.ts) with every node's ring full,
 * measured in a child process (server-only code, and a clean heap to measure).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { BenchSection } from './sim-bench';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

const ResultSchema = z.object({
  nodes: z.number(),
  samplesPerNode: z.number(),
  samplesRead: z.number(),
  measuredBytes: z.number(),
  boundBytes: z.number(),
  fillMs: z.number(),
  readMs: z.number(),
});

const NODES = 5000;
/** every Linux eviction signal: the most a kubelet reports */
const SIGNALS = 9;
/** the stated bound: samples × bytes per sample, plus per-node object overhead (typed-array headers, maps) */
const OVERHEAD_BYTES_PER_NODE = 4096;
const MiB = 2 ** 20;

async function measure(refreshMs: number): Promise<z.infer<typeof ResultSchema>> {
  const { stdout } = await run(
    tsx,
    [
      '--conditions=react-server',
      '--expose-gc',
      'bench/history-child.ts',
      String(NODES),
      String(SIGNALS),
      String(refreshMs),
      '60',
    ],
    { maxBuffer: 1 << 20, timeout: 600_000 },
  );
  return ResultSchema.parse(JSON.parse(stdout.trim().split('\n').pop() ?? ''));
}

export async function benchHistory(): Promise<BenchSection> {
  const rows: BenchSection['rows'] = [];
  for (const [preset, refreshMs] of [
    ['default', 15_000],
    ['gentle', 60_000],
  ] as const) {
    const r = await measure(refreshMs);
    const bound = r.boundBytes + NODES * OVERHEAD_BYTES_PER_NODE;
    rows.push(
      {
        metric: `${preset} (refresh ${refreshMs / 1000} s): heap of ${NODES.toLocaleString('en-US')} full histories, ${r.samplesPerNode} samples × ${SIGNALS} signals each`,
        value: `${(r.measuredBytes / MiB).toFixed(1)} MiB`,
        target: `≤ ${(bound / MiB).toFixed(1)} MiB (samples ${(r.boundBytes / MiB).toFixed(1)} + 4 KiB/node)`,
        ok: r.measuredBytes <= bound,
      },
      {
        metric: `${preset}: one node's hour read back (${r.samplesRead} samples)`,
        value: `${r.readMs} ms`,
        target: '≤ 50 ms',
        ok: r.readMs <= 50,
      },
    );
  }
  return { title: 'Signal history (60 min per node, every ring full)', rows };
}
