/**
 * The production server as users run it, for the benchmarks: `next start` of a production build with the
 * production Node flags (scripts/server-node-options.ts, as `npm start` and the image set them), its process
 * tree's memory sampled from /proc, and small HTTP and server-sent-event clients that measure through its
 * public API only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  builtNextConfigEnv,
  SERVER_KEEP_ALIVE_MS,
  SERVER_NODE_OPTIONS,
  SERVER_THREADPOOL_SIZE,
} from '../scripts/server-node-options';

export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

const mib = (kib: number) => kib / 1024;

/** VmRSS (KiB) of one process, 0 once it is gone. */
function rssKib(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The process and every descendant (Next may fork a worker: the tree is what serves). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const p = out[i] as number;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        for (const c of readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/))
          if (c) out.push(Number(c));
      } catch {
        // the task ended while we looked
      }
    }
  }
  return out;
}

interface RssSample {
  /** ms since the sampler started */
  at: number;
  /** the whole process tree */
  treeMiB: number;
  /** the largest single process of the tree (the one that serves) */
  serverMiB: number;
  processes: number;
}

function sampleRss(pid: number, at: number): RssSample {
  const tree = processTree(pid).map(rssKib);
  return {
    at,
    treeMiB: mib(tree.reduce((a, b) => a + b, 0)),
    serverMiB: mib(Math.max(0, ...tree)),
    processes: tree.filter((k) => k > 0).length,
  };
}

/** Samples the tree every `everyMs`; `peak()` and `since(t)` read what it saw. */
class RssSampler {
  private readonly samples: RssSample[] = [];
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly t0 = performance.now();

  constructor(
    private readonly pid: number,
    everyMs = 50,
  ) {
    this.timer = setInterval(() => this.samples.push(this.now()), everyMs);
    this.timer.unref();
  }

  now(): RssSample {
    return sampleRss(this.pid, performance.now() - this.t0);
  }

  elapsed(): number {
    return performance.now() - this.t0;
  }

  /** The highest tree RSS sampled at or after `from` (ms on this sampler's clock). */
  peak(from = 0): RssSample {
    let best: RssSample = { at: 0, treeMiB: 0, serverMiB: 0, processes: 0 };
    for (const s of this.samples) if (s.at >= from && s.treeMiB > best.treeMiB) best = s;
    return best;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export interface ProdServer {
  base: string;
  port: number;
  pid: number;
  rss: RssSampler;
  stop(): Promise<void>;
}

/** The node list's budget for its first rows at 5,000 nodes (issue 20); the posture page is held to it too (issue 17). */
export const NODE_LIST_FIRST_ROWS_BUDGET_MS = 1500;

/**
 * Starts `next start` in `buildDir` on `port` against `kubeconfig` and waits for /readyz. The Node flags are
 * exactly the production ones (NODE_OPTIONS as `npm start` sets it, and the build's own config as `npm start`
 * hands it over: scripts/server-node-options.ts), nothing inherited from the bench.
 */
export async function startProdServer(o: {
  buildDir: string;
  port: number;
  kubeconfig: string;
  env?: Record<string, string>;
}): Promise<ProdServer> {
  const nextBin = path.resolve('node_modules/next/dist/bin/next');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // KD_BENCH_NODE_ARGS: extra Node flags for a diagnostic run (`--cpu-prof --cpu-prof-dir=…`, `--heap-prof`,
      // which NODE_OPTIONS does not accept); a run with them is a diagnostic, never a result
      ...(process.env.KD_BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
      nextBin,
      'start',
      '--keepAliveTimeout',
      SERVER_KEEP_ALIVE_MS,
      '--port',
      String(o.port),
      '--hostname',
      '127.0.0.1',
    ],
    {
      cwd: o.buildDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'production',
        NODE_OPTIONS: SERVER_NODE_OPTIONS,
        UV_THREADPOOL_SIZE: SERVER_THREADPOOL_SIZE,
        ...builtNextConfigEnv(o.buildDir),
        NEXT_TELEMETRY_DISABLED: '1',
        KUBECONFIG: o.kubeconfig,
        KD_LOG_LEVEL: 'error',
        ...o.env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('next start did not spawn');
  const base = `http://127.0.0.1:${o.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('next start did not answer /readyz in 120 s');
    const ok = await get(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await sleep(200);
  }
  const rss = new RssSampler(pid);
  return {
    base,
    port: o.port,
    pid,
    rss,
    async stop() {
      rss.stop();
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/**
 * CPU seconds (user + system) a process tree has used so far, from /proc/<pid>/stat (fields 14 and 15, in clock
 * ticks; USER_HZ is 100 on Linux). The load bench reports how the cores were shared between the server, the sim
 * (a tsx wrapper and its node child) and the clients, since all run on one machine.
 */
export function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      // the command name (field 2) is in parentheses and may contain spaces: count fields after its closing one
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended while we looked
    }
  }
  return ticks / 100;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface GetResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** bytes on the wire (compressed when the server compressed) */
  wireBytes: number;
  body: Buffer;
  /** request → first byte of the body's headers */
  ttfbMs: number;
  /** request → last byte */
  ms: number;
}

/** One GET on a fresh connection unless `agent` is given. */
export function get(
  url: string,
  o: { headers?: Record<string, string>; agent?: http.Agent; timeoutMs?: number } = {},
): Promise<GetResult> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      { headers: o.headers, agent: o.agent ?? false, timeout: o.timeoutMs ?? 120_000 },
      (res) => {
        const ttfbMs = performance.now() - t0;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            wireBytes: body.length,
            body,
            ttfbMs,
            ms: performance.now() - t0,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    // A keep-alive socket the server closed while idle fails the next request before any answer: say so, for the
    // caller to retry as browsers do (Node's documented pattern: `req.reusedSocket && err.code === 'ECONNRESET'`).
    req.on('error', (err: NodeJS.ErrnoException) =>
      reject(Object.assign(err, { staleKeepAlive: req.reusedSocket && err.code === 'ECONNRESET' })),
    );
  });
}

export interface SseEvent {
  event: string;
  data: string;
  /** ms since the stream was requested */
  at: number;
}

/**
 * Reads a server-sent event stream; `onEvent` sees each event with its arrival time. Resolves with a
 * `close` function once the response headers arrived.
 */
export function openSse(
  url: string,
  onEvent: (e: SseEvent) => void,
  o: { agent?: http.Agent; onEnd?: () => void } = {},
): Promise<{ status: number; close: () => void }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream' }, agent: o.agent ?? false }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        // search only the new text for the event boundary: rescanning a 1.5 MB snapshot from its start on every
        // 64 KB chunk made this reader, not the server, the slow end of 100 streams (a browser's is linear)
        let from = Math.max(0, buffer.length - 1);
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n', from)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          from = 0;
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length > 0) onEvent({ event, data: data.join('\n'), at: performance.now() - t0 });
        }
      });
      res.on('error', () => undefined);
      let closedHere = false;
      res.on('close', () => !closedHere && o.onEnd?.());
      resolve({
        status: res.statusCode ?? 0,
        close: () => {
          closedHere = true;
          req.destroy();
        },
      });
    });
    req.on('error', (err) => reject(err));
  });
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.floor((s.length - 1) / 2)] as number);
};
