/**
 * `npm run bench`: runs every section and writes BENCHMARKS.md (machine, date, one table per section).
 * Add a section by appending its function to SECTIONS.
 */
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { benchClusters } from './clusters-bench';
import { benchCompare } from './compare-bench';
import { benchBrowser, benchBundles, benchCsrBulk, benchFleetSweeps, stopFleetSim } from './fleet-bench';
import { benchLoad } from './load-bench';
import { benchServer } from './server-bench';
import { benchHistory } from './history-bench';
import { benchSim, type BenchSection } from './sim-bench';

/** `npm run bench -- fleet browser` runs only the sections whose key is named; no argument runs them all. */
const SECTIONS: Array<[string, () => Promise<BenchSection>]> = [
  ['sim', benchSim],
  // the result users feel: the production server through its HTTP API and Chromium (issue 20)
  ['server', benchServer],
  // 200 clients + 100 streams: /healthz stays answered, excess load is shed (issue 19 item 3)
  ['load', benchLoad],
  // diagnostics: lib/fleet alone in a child process
  ['fleet', benchFleetSweeps],
  ['browser', benchBrowser],
  ['bundles', benchBundles],
  ['compare', benchCompare],
  ['csr', benchCsrBulk],
  ['clusters', benchClusters],
  ['history', benchHistory],
];

/** read when the bench starts, before any section loads the machine (the kubectl loop alone drives it past 30) */
const loadAtStart = os.loadavg();

function machine(): string {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'} (${cpus.length} cores)`,
    `- RAM: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node: ${process.version} on ${os.platform()} ${os.release()}`,
    `- Load average at start (1/5/15 min): ${loadAtStart.map((l) => l.toFixed(1)).join(' / ')}`,
    `- Date: ${new Date().toISOString()}`,
  ].join('\n');
}

function table(s: BenchSection): string {
  const rows = s.rows.map((r) => `| ${r.metric} | ${r.value} | ${r.target} | ${r.ok ? '✅' : '❌'} |`);
  return [`## ${s.title}`, '', '| metric | value | target | ok |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const BEGIN = (key: string) => `<!-- bench:${key} -->`;
const END = (key: string) => `<!-- /bench:${key} -->`;

/**
 * Running a subset (`npm run bench -- compare`) replaces only those sections' blocks in BENCHMARKS.md and keeps
 * the rest (other sections' figures and the hand-written notes); a full run rewrites the file.
 */
async function write(results: Array<[string, string]>, full: boolean): Promise<void> {
  const block = ([key, text]: [string, string]) => `${BEGIN(key)}\n${text}\n${END(key)}`;
  const header = ['# Benchmarks', '', 'Produced by `npm run bench`.', '', machine(), ''].join('\n');
  const previous = full ? '' : await readFile('BENCHMARKS.md', 'utf8').catch(() => '');
  if (!previous) {
    await writeFile('BENCHMARKS.md', [header, ...results.map((r) => `${block(r)}\n`)].join('\n'));
    return;
  }
  let text = previous;
  for (const r of results) {
    const [key] = r;
    const from = text.indexOf(BEGIN(key));
    const to = text.indexOf(END(key));
    text =
      from >= 0 && to > from
        ? text.slice(0, from) + block(r) + text.slice(to + END(key).length)
        : `${text.trimEnd()}\n\n${block(r)}\n`;
  }
  // The machine line reflects the latest run; sections keep the load they were measured under in their title/notes.
  text = text.replace(
    /^- CPU:[\s\S]*?^- Date: .*$(\n- Sections updated.*$)*/m,
    `${machine()}\n- Sections updated in the latest run: ${results.map(([k]) => k).join(', ')}`,
  );
  await writeFile('BENCHMARKS.md', text);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: Array<[string, string]> = [];
  try {
    for (const [key, run] of SECTIONS) {
      if (only.length > 0 && !only.includes(key)) continue;
      // A section that throws is reported as a failed row; the others still run and the file is still written.
      const section = await run().catch((err: unknown): BenchSection => ({
        title: key,
        rows: [
          {
            metric: 'section failed',
            value: err instanceof Error ? (err.message.split('\n')[0] ?? 'error') : String(err),
            target: 'runs',
            ok: false,
          },
        ],
      }));
      console.log(table(section), '\n');
      results.push([key, table(section)]);
    }
  } finally {
    await stopFleetSim();
  }
  await write(results, only.length === 0);
  console.log('wrote BENCHMARKS.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
