/**
 * CSR bulk approval alone, in its own process: `tsx --conditions=react-server bench/csr-child.ts <kubeconfig>`
 * approves every pending CSR with bulkApprove (default bound: 10 in flight) and prints one JSON line. Approval
 * PUTs in flight are counted by wrapping https.request, which client-node's fetch calls for each request.
 */
import https from 'node:https';
import type { ClientRequest } from 'node:http';
import { getKube } from '../lib/k8s/client';
import { bulkApprove } from '../lib/server/csr-decide';
import { listCsrWire } from '../lib/k8s/csrs';

const [kubeconfigPath] = process.argv.slice(2);
if (!kubeconfigPath) throw new Error('usage: csr-child <kubeconfig>');
const CONCURRENCY = 10;

let inFlight = 0;
let maxInFlight = 0;
const original = https.request.bind(https) as (...args: unknown[]) => ClientRequest;
(https as unknown as { request: (...args: unknown[]) => ClientRequest }).request = (...args: unknown[]) => {
  const req = original(...args);
  if (req.method === 'PUT' && req.path.includes('/approval')) {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const end = () => {
      if (!done) inFlight--;
      done = true;
    };
    req.once('response', (res) => res.once('end', end).once('close', end));
    req.once('error', end);
    req.once('close', end);
  }
  return req;
};

const kube = getKube({ kubeconfigPath, context: 'sim-admin' });
const pending = (await listCsrWire(kube)).items.filter((c) => (c.status?.conditions ?? []).length === 0);
const t0 = performance.now();
const res = await bulkApprove(
  kube,
  pending.map((c) => ({ name: c.metadata.name, resourceVersion: c.metadata.resourceVersion ?? '' })),
  { concurrency: CONCURRENCY },
);
const seconds = (performance.now() - t0) / 1000;
const statuses: Record<string, number> = {};
for (const r of res.results) statuses[String(r.code ?? 'ok')] = (statuses[String(r.code ?? 'ok')] ?? 0) + 1;
console.log(
  JSON.stringify({
    count: pending.length,
    seconds,
    approved: res.approved,
    statuses,
    maxInFlight,
    concurrency: CONCURRENCY,
  }),
);
process.exit(0);
