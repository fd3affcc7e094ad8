import 'server-only';
import { Worker } from 'node:worker_threads';
import { log } from '@/lib/observability/log';
import { PROBE_WORKER_SOURCE } from './probe-worker-source';
import type { Readiness } from './readiness';

/**
 * Probes on their own thread and port (issue 19, item 3). Under load the main event loop of `next start` turns
 * slowly, and libuv accepts one connection per turn of the loop (libuv ≥ 1.45, libuv/libuv#3696): a burst of new
 * connections, e.g. 200 viewers reconnecting, queued the kubelet's liveness probe behind all of them for 10–20 s
 * (`npm run bench -- load`), and a probe that times out restarts a healthy pod. This listener runs in a worker
 * thread with its own event loop, so a probe is accepted and answered at once however busy the main thread is.
 * What it answers is still about the main thread: the main thread posts a heartbeat with its readiness every
 * `beatMs`, and /healthz fails once no beat came for `stallMs` (the process is hung, not merely busy: a saturated
 * loop still turns every few hundred ms). Kubernetes probes this port (deploy/deployment.yaml: KD_PROBE_PORT).
 */
export interface ProbeListenerOptions {
  host: string;
  /** 0 picks a free port (tests) */
  port: number;
  readiness: () => Readiness;
  /** /healthz fails after this long without a heartbeat */
  stallMs?: number;
  beatMs?: number;
}

export interface ProbeListener {
  readonly port: number;
  stop(): Promise<void>;
}

/** A loop that has not turned for 10 s is hung: the slowest turns measured under the load bench are ~1 s. */
const DEFAULT_STALL_MS = 10_000;
const DEFAULT_BEAT_MS = 1_000;

type FromWorker = { listening: number } | { error: string };

export async function startProbeListener(o: ProbeListenerOptions): Promise<ProbeListener> {
  const stallMs = o.stallMs ?? DEFAULT_STALL_MS;
  const worker = new Worker(PROBE_WORKER_SOURCE, {
    eval: true,
    workerData: { host: o.host, port: o.port, stallMs },
    // a few objects per request: bounded so that the thread can never grow into the server's memory budget
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  const beat = () => worker.postMessage(o.readiness());
  const port = await new Promise<number>((resolve, reject) => {
    const onMessage = (m: FromWorker) => {
      worker.off('error', reject);
      if ('listening' in m) resolve(m.listening);
      else reject(new Error(`probe listener on ${o.host}:${o.port}: ${m.error}`));
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  }).catch(async (err: unknown) => {
    await worker.terminate();
    throw err;
  });
  beat();
  const timer = setInterval(beat, o.beatMs ?? DEFAULT_BEAT_MS);
  timer.unref();
  worker.unref();
  let stopping = false;
  worker.on('exit', (code) => {
    clearInterval(timer);
    // The probes now fail (connection refused) and the kubelet restarts the pod: say why in the log.
    if (!stopping) log.error({ code }, 'probe listener thread exited; liveness and readiness probes will fail');
  });
  return {
    port,
    async stop() {
      stopping = true;
      clearInterval(timer);
      await worker.terminate();
    },
  };
}
