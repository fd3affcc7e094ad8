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
  clusters: z.array(z.object({ cluster: z.object({ server: z.string(), 'certificate-authority-data': z.string() }) })).min(1),
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
    const req = request(new URL(urlPath, t.url), { agent, ca: t.ca, headers: { authorization: `Bearer ${t.token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
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
  await Promise.all(Array.from({ length: CONCURRENCY }, () => get(agent, t, `/api/v1/nodes/${names[0] ?? ''}/proxy/configz`)));
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

function rssMb(pid: number | undefined): Promise<number | undefined> {
  if (!pid) return Promise.resolve(undefined);
  return readFile(`/proc/${pid}/status`, 'utf8')
    .then((s) => Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? NaN) / 1024)
    .catch(() => undefined);
}

export async function benchSim(): Promise<BenchSection> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sim-bench-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const tsx = path.resolve('node_modules/.bin/tsx');
  const started = performance.now();
  const child = spawn(tsx, ['sim/main.ts', '--scenario', 'scale', '--nodes', String(NODES), '--port', '0', '--no-latency', '--kubeconfig', kubeconfig], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForFile(kubeconfig, child, 120_000);
    const startupS = (performance.now() - started) / 1000;
    const grandchildRss = await rssMb(child.pid);
    const kc = KubeconfigSchema.parse(parse(await readFile(kubeconfig, 'utf8')));
    const cluster = kc.clusters[0]?.cluster;
    const admin = kc.users.find((u) => u.name === 'sim-admin');
    if (!cluster || !admin) throw new Error('kubeconfig lacks the sim cluster or sim-admin user');
    const target: Target = { url: cluster.server, ca: Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8'), token: admin.user.token };

    const listAgent = new Agent({ keepAlive: false, ca: target.ca });
    const list = JSON.parse((await get(listAgent, target, `/api/v1/nodes?limit=${NODES}`)).body) as { items: Array<{ metadata: { name: string } }> };
    const names = list.items.map((n) => n.metadata.name);
    const load = await loadConfigz(target, names);
    const rps = load.total / load.seconds;
    return {
      title: `Simulator (scale scenario, ${NODES.toLocaleString('en-US')} nodes, latency off)`,
      rows: [
        { metric: `startup to listening (child process, ${names.length.toLocaleString('en-US')} nodes)`, value: `${startupS.toFixed(2)} s`, target: `≤ ${STARTUP_TARGET_S} s`, ok: startupS <= STARTUP_TARGET_S },
        {
          metric: `configz requests/s (${CONCURRENCY} concurrent keep-alive clients, ${LOAD_MS / 1000} s)`,
          value: `${Math.round(rps).toLocaleString('en-US')}/s (${load.total.toLocaleString('en-US')} requests, ${(load.total - load.ok).toLocaleString('en-US')} non-200 from faulted kubelets)`,
          target: `≥ ${RPS_TARGET.toLocaleString('en-US')}/s`,
          ok: rps >= RPS_TARGET,
        },
        { metric: 'tsx launcher RSS after start (sim runs in its child)', value: grandchildRss === undefined ? 'n/a' : `${grandchildRss.toFixed(0)} MiB`, target: 'info', ok: true },
      ],
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dir, { recursive: true, force: true });
  }
}
