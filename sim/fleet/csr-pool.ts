/**
 * PKCS#10 requests on worker threads. @peculiar/x509 spends about 3 ms of JavaScript per request (ASN.1
 * serialise, sign, parse back), so the scale scenario's 1,000 pending CSRs would hold startup for seconds
 * on the main thread; in workers they are built while the main thread builds the 150,000 pods.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createCsrPem, generateKubeletKey, type CsrContent } from './csr-crypto';

/** A message to csr-worker.ts; it answers with the PEMs in order. */
export interface CsrBatch {
  contents: CsrContent[];
}

export interface CsrPool {
  /** PEM requests for `contents`, in order (once per pool: each worker serves one batch). */
  createCsrPems(contents: readonly CsrContent[]): Promise<string[]>;
  /** Stops workers that were not used. */
  close(): void;
}

// Workers do not inherit tsx's loader hooks (Node 20), so each registers tsx before importing the .ts entry.
const BOOT = `
const { workerData } = require('node:worker_threads');
import('tsx/esm/api').then(({ register }) => { register(); return import(workerData.entry); });
`;

interface PoolWorker {
  run(batch: CsrBatch): Promise<string[]>;
  stop(): void;
}

function startWorker(): PoolWorker {
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: { entry: new URL('./csr-worker.ts', import.meta.url).href },
  });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`CSR worker exited with code ${code}`)));
  });
  failed.catch(() => undefined); // observed through run()
  return {
    stop: () => void worker.terminate(),
    run: async (batch) => {
      // posted at once: the worker queues it until it has booted, even while this thread is busy
      const reply = Promise.race([failed, new Promise<unknown>((resolve) => worker.once('message', resolve))]);
      worker.postMessage(batch);
      const pems = await reply;
      void worker.terminate();
      if (!Array.isArray(pems) || !pems.every((p): p is string => typeof p === 'string'))
        throw new Error('CSR worker sent no PEMs');
      return pems;
    },
  };
}

async function inProcess(contents: readonly CsrContent[]): Promise<string[]> {
  const keys = await Promise.all([generateKubeletKey(), generateKubeletKey()]);
  return Promise.all(
    contents.map((c, i) => {
      const key = keys[i % keys.length];
      if (!key) throw new RangeError('no kubelet keys');
      return createCsrPem(c, key);
    }),
  );
}

/**
 * Starts `workers` threads now (booting takes a few hundred ms, so start them before building what they
 * will sign); each serves one batch and exits. Falls back to this thread if a worker cannot start.
 */
export function startCsrPool(workers = Math.min(2, availableParallelism())): CsrPool {
  const pool = Array.from({ length: Math.max(1, workers) }, startWorker);
  return {
    createCsrPems: async (contents) => {
      const size = Math.ceil(contents.length / pool.length);
      try {
        const parts = await Promise.all(
          pool.map((w, i) => w.run({ contents: contents.slice(i * size, (i + 1) * size) })),
        );
        return parts.flat();
      } catch (err) {
        console.warn(
          '[sim] CSR workers failed, building requests in-process:',
          err instanceof Error ? err.message : err,
        );
        return inProcess(contents);
      }
    },
    close: () => pool.forEach((w) => w.stop()),
  };
}
