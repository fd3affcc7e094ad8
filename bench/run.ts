/**
 * `npm run bench`: runs every section and writes BENCHMARKS.md (machine, date, one table per section).
 * Add a section by appending its function to SECTIONS.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { benchCompare } from './compare-bench';
import { benchBrowser, benchBundles, benchCsrBulk, benchFleetSweeps, stopFleetSim } from './fleet-bench';
import { benchSim, type BenchSection } from './sim-bench';

/** `npm run bench -- fleet browser` runs only the sections whose key is named; no argument runs them all. */
const SECTIONS: Array<[string, () => Promise<BenchSection>]> = [
  ['sim', benchSim],
  ['fleet', benchFleetSweeps],
  ['browser', benchBrowser],
  ['bundles', benchBundles],
  ['compare', benchCompare],
  ['csr', benchCsrBulk],
];

function machine(): string {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'} (${cpus.length} cores)`,
    `- RAM: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node: ${process.version} on ${os.platform()} ${os.release()}`,
    `- Load average at start (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
    `- Date: ${new Date().toISOString()}`,
  ].join('\n');
}

function table(s: BenchSection): string {
  const rows = s.rows.map((r) => `| ${r.metric} | ${r.value} | ${r.target} | ${r.ok ? '✅' : '❌'} |`);
  return [`## ${s.title}`, '', '| metric | value | target | ok |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const sections: string[] = [];
  try {
    for (const [key, run] of SECTIONS) {
      if (only.length > 0 && !only.includes(key)) continue;
      // A section that throws is reported as a failed row; the others still run and the file is still written.
      const section = await run().catch((err: unknown): BenchSection => ({
        title: key,
        rows: [{ metric: 'section failed', value: err instanceof Error ? err.message.split('\n')[0] ?? 'error' : String(err), target: 'runs', ok: false }],
      }));
      console.log(table(section), '\n');
      sections.push(table(section));
    }
  } finally {
    await stopFleetSim();
  }
  await writeFile('BENCHMARKS.md', ['# Benchmarks', '', 'Produced by `npm run bench`.', '', machine(), '', ...sections.flatMap((s) => [s, ''])].join('\n'));
  console.log('wrote BENCHMARKS.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
