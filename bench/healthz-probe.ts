/**
 * The liveness probe of the load bench, in its own process as the kubelet's is: GET /healthz on a fresh
 * connection every `everyMs` for `forMs`, then one JSON line on stdout: the latencies of the answered probes
 * and the number that failed. In the bench's own process its timings would include the event-loop lag of the
 * bench's 200 clients and 100 streams, not only the server's.
 * Usage: tsx bench/healthz-probe.ts <base url> <forMs> <everyMs>
 */
import { get, sleep } from './prod-server';

const [base, forMs, everyMs] = [process.argv[2] ?? '', Number(process.argv[3]), Number(process.argv[4])];
const until = performance.now() + forMs;
const ms: number[] = [];
let failed = 0;
const inflight: Promise<void>[] = [];
while (performance.now() < until) {
  inflight.push(
    get(`${base}/healthz`, { timeoutMs: 60_000 }).then(
      (r) => void (r.status === 200 ? ms.push(r.ms) : failed++),
      () => void failed++,
    ),
  );
  await sleep(everyMs);
}
await Promise.all(inflight);
process.stdout.write(`${JSON.stringify({ ms, failed })}\n`);
