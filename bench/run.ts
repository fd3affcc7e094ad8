/**
 * `npm run bench`: runs every section and writes BENCHMARKS.md (machine, date, one table per section).
 * Add a section by appending its function to SECTIONS.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { benchSim, type BenchSection } from './sim-bench';

const SECTIONS: Array<() => Promise<BenchSection>> = [benchSim];

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
  const sections: string[] = [];
  for (const run of SECTIONS) {
    const section = await run();
    console.log(table(section), '\n');
    sections.push(table(section));
  }
  await writeFile('BENCHMARKS.md', ['# Benchmarks', '', 'Produced by `npm run bench`.', '', machine(), '', ...sections.flatMap((s) => [s, ''])].join('\n'));
  console.log('wrote BENCHMARKS.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
