/**
 * The probe listener's thread (probe-listener.ts), as source text run with `new Worker(source, { eval: true })`:
 * a file path would have to survive Next's bundling and standalone tracing, and the thread needs nothing but
 * Node's own http. Plain CommonJS, no imports from this repo.
 *
 * Protocol. workerData: `{ host, port, stallMs }`. The main thread posts `{ ready: true }` or
 * `{ ready: false, status }` (a Kubernetes Status) every beat; a message is the heartbeat. The thread posts
 * `{ listening: port }` once bound, or `{ error: message }` if it cannot bind.
 * - GET /healthz: 200 `ok` while the last beat is at most `stallMs` old; else 503 naming how long the main event
 *   loop has been stuck (a liveness probe then restarts a process that is really hung, never one that is only busy).
 * - GET /readyz: the main thread's last readiness; 503 as well when the beats have stopped.
 * - anything else: 404; methods other than GET/HEAD: 405. No request reaches the main thread.
 */
export const PROBE_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { host, port, stallMs } = workerData;
let lastBeat = performance.now();
let readiness = {
  ready: false,
  status: {
    kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'ServiceUnavailable', code: 503,
    message: 'starting: the server has not reported its readiness yet',
  },
};
parentPort.on('message', (m) => {
  lastBeat = performance.now();
  readiness = m;
});
const stalledFor = () => performance.now() - lastBeat;
const stallMessage = (ms) =>
  "the server's main event loop has not turned for " + (ms / 1000).toFixed(1) + ' s (limit ' + stallMs / 1000 + ' s)';
const server = http.createServer((req, res) => {
  const send = (code, type, body) => {
    res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'method not allowed\n');
  const path = (req.url || '').split('?')[0];
  const stalled = stalledFor();
  if (path === '/healthz') {
    return stalled <= stallMs ? send(200, 'text/plain', 'ok') : send(503, 'text/plain', stallMessage(stalled) + '\n');
  }
  if (path === '/readyz') {
    if (stalled > stallMs) {
      const status = {
        kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'ServiceUnavailable', code: 503,
        message: stallMessage(stalled),
      };
      return send(503, 'application/json', JSON.stringify(status));
    }
    return readiness.ready ? send(200, 'text/plain', 'ok') : send(503, 'application/json', JSON.stringify(readiness.status));
  }
  return send(404, 'text/plain', 'not found: this port answers /healthz and /readyz only\n');
});
server.on('error', (err) => parentPort.postMessage({ error: err.message }));
server.listen(port, host, () => parentPort.postMessage({ listening: server.address().port }));
`;
