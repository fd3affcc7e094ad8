/**
 * Simulator benchmarks: how long the 5,000-node scale scenario takes to come up (a child process, timed
 * from spawn until its kubeconfig exists, which main.ts writes only once listening), and how many configz
 * requests per second it serves with latency off (64 concurrent keep-alive HTTPS clients for 5 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export interface BenchSection {
  title: string;
  rows: Array<{ metric: string; value: string; target: string; ok: boolean }>;
}

const NODES = 5000;
const STARTUP_TARGET_S = 10;
const RPS_TARGET = 2000;
const CONCURRENCY = 64;
const LOAD_MS = 5000;

const KubeconfigSchema = z.object({
  clusters: z
    .array(z.object({ cluster: z.object({ server: z.string(), 'certificate-authority-data': z.string() }) }))
    .min(1),
  users: z.array(z.object({ name: z.string(), user: z.object({ token: z.string() }) })),
});

interface Target {
  url: string;
  ca: string;
  token: string;
}

async function waitForFile(file: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (child.exitCode !== null) throw new Error(`sim exited with code ${child.exitCode} before listening`);
    if (Date.now() > deadline) throw new Error(`sim did not start within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function get(agent: Agent, t: Target, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(urlPath, t.url),
      { agent, ca: t.ca, headers: { authorization: `Bearer ${t.token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function loadConfigz(t: Target, names: string[]): Promise<{ total: number; ok: number; seconds: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY, ca: t.ca });
  let total = 0;
  let ok = 0;
  let i = 0;
  // warm up TLS sessions so the measurement is the steady state
  await Promise.all(
    Array.from({ length: CONCURRENCY }, () => get(agent, t, `/api/v1/nodes/${names[0] ?? ''}/proxy/configz`)),
  );
  const started = performance.now();
  const end = started + LOAD_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const name = names[i++ % names.length] ?? '';
        const r = await get(agent, t, `/api/v1/nodes/${encodeURIComponent(name)}/proxy/configz`);
        total++;
        if (r.status === 200) ok++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { total, ok, seconds };
}

/** CPU seconds (user+system) used so far by the sim's node process (tsx's child) on Linux. */
async function simCpuSeconds(launcherPid: number | undefined): Promise<number | undefined> {
  if (!launcherPid) return undefined;
  try {
    const children = (await readFile(`/proc/${launcherPid}/task/${launcherPid}/children`, 'utf8')).trim().split(/\s+/);
    const pid = children[0] || String(launcherPid);
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    return Number.isFinite(ticks) ? ticks / 100 : undefined; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

interface Child {
  proc: ChildProcess;
  target: Target;
  startupS: number;
  /** "fleet N ms, server M ms" as main.ts reports it */
  breakdown: string;
  names: string[];
}

async function launch(dir: string, tag: string, extraArgs: string[]): Promise<Child> {
  const kubeconfig = path.join(dir, `kubeconfig-${tag}`);
  const tsx = path.resolve('node_modules/.bin/tsx');
  const started = performance.now();
  const proc = spawn(
    tsx,
    [
      'sim/main.ts',
      '--scenario',
      'scale',
      '--nodes',
      String(NODES),
      '--port',
      '0',
      '--no-latency',
      '--kubeconfig',
      kubeconfig,
      ...extraArgs,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  proc.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  await waitForFile(kubeconfig, proc, 180_000);
  const startupS = (performance.now() - started) / 1000;
  const kc = KubeconfigSchema.parse(parse(await readFile(kubeconfig, 'utf8')));
  const cluster = kc.clusters[0]?.cluster;
  const admin = kc.users.find((u) => u.name === 'sim-admin');
  if (!cluster || !admin) throw new Error('kubeconfig lacks the sim cluster or sim-admin user');
  const target: Target = {
    url: cluster.server,
    ca: Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8'),
    token: admin.user.token,
  };
  const listAgent = new Agent({ keepAlive: false, ca: target.ca });
  const list = JSON.parse((await get(listAgent, target, `/api/v1/nodes?limit=${NODES}`)).body) as {
    items: Array<{ metadata: { name: string } }>;
  };
  await new Promise((r) => setTimeout(r, 200));
  const breakdown = /\((?:ready in \d+ ms: )?(fleet \d+ ms, server \d+ ms)\)/.exec(stdout)?.[1] ?? 'n/a';
  return { proc, target, startupS, breakdown, names: list.items.map((n) => n.metadata.name) };
}

async function stop(child: Child | undefined): Promise<void> {
  if (!child || child.proc.exitCode !== null) return;
  child.proc.kill('SIGTERM');
  await new Promise((r) => child.proc.once('exit', r));
}

function rpsRow(label: string, load: { total: number; ok: number; seconds: number }) {
  const rps = load.total / load.seconds;
  return {
    metric: `configz requests/s, ${label} (${CONCURRENCY} concurrent keep-alive clients, ${LOAD_MS / 1000} s)`,
    value: `${Math.round(rps).toLocaleString('en-US')}/s (${load.total.toLocaleString('en-US')} requests, ${(load.total - load.ok).toLocaleString('en-US')} non-200 from faulted kubelets)`,
    target: `≥ ${RPS_TARGET.toLocaleString('en-US')}/s`,
    ok: rps >= RPS_TARGET,
  };
}

export async function benchSim(): Promise<BenchSection> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sim-bench-'));
  let ticking: Child | undefined;
  let paused: Child | undefined;
  try {
    ticking = await launch(dir, 'ticking', []);
    const withTicks = await loadConfigz(ticking.target, ticking.names);
    await stop(ticking);
    paused = await launch(dir, 'paused', ['--tick-ms', '0']);
    const cpuBefore = await simCpuSeconds(paused.proc.pid);
    const withoutTicks = await loadConfigz(paused.target, paused.names);
    const cpuAfter = await simCpuSeconds(paused.proc.pid);
    const cpuS = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
    // Requests per CPU-second of the (single-threaded) sim: its capacity on one free core, whatever else the
    // machine is running. On a 2-core machine the load generator takes the other core.
    const perCpu = cpuS ? withoutTicks.total / cpuS : undefined;
    return {
      title: `Simulator (scale scenario, ${NODES.toLocaleString('en-US')} nodes, latency off)`,
      rows: [
        {
          metric: `startup to listening (child process via tsx, ${ticking.names.length.toLocaleString('en-US')} nodes; ${ticking.breakdown})`,
          value: `${ticking.startupS.toFixed(2)} s`,
          target: `≤ ${STARTUP_TARGET_S} s`,
          ok: ticking.startupS <= STARTUP_TARGET_S,
        },
        rpsRow('fleet ticking every 5 s (default)', withTicks),
        rpsRow('fleet ticks paused (--tick-ms 0): API server alone', withoutTicks),
        {
          metric: 'configz requests per CPU-second of the sim process (ticks paused; capacity of one free core)',
          value:
            perCpu === undefined
              ? 'n/a'
              : `${Math.round(perCpu).toLocaleString('en-US')}/CPU-s (${cpuS?.toFixed(2)} CPU-s for ${withoutTicks.total.toLocaleString('en-US')} requests)`,
          target: `≥ ${RPS_TARGET.toLocaleString('en-US')}/CPU-s`,
          ok: perCpu !== undefined && perCpu >= RPS_TARGET,
        },
      ],
    };
  } finally {
    await stop(ticking);
    await stop(paused);
    await rm(dir, { recursive: true, force: true });
  }
}
