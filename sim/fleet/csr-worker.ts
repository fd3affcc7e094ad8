/**
 * Worker-thread entry for csr-pool.ts: makes its own kubelet keys, then answers each batch of CSR contents
 * with PEM requests in the same order (batches posted while it boots wait in the port's queue).
 */
import { parentPort } from 'node:worker_threads';
import type { CsrBatch } from './csr-pool';
import { createCsrPem, generateKubeletKey } from './csr-crypto';

const KEYS = 2;
const keys = await Promise.all(Array.from({ length: KEYS }, () => generateKubeletKey()));

parentPort?.on('message', (batch: CsrBatch) => {
  void Promise.all(
    batch.contents.map((c, i) => {
      const key = keys[i % keys.length];
      if (!key) throw new RangeError('no kubelet keys');
      return createCsrPem(c, key);
    }),
  ).then((pems) => parentPort?.postMessage(pems));
});
