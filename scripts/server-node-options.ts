import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Node flags of the production server (`npm start`, `npm run demo -- --prod`, deploy/Dockerfile).
 * `--max-semi-space-size=4` (MiB; Node 20's default grows to 16): fleet sweeps parse ~100 MB/s of short-lived
 * kubelet answers, and with the default young generation V8 keeps the heap it grew during a sweep, so the
 * server idled at ~330 MiB RSS between sweeps of 5,000 nodes; with 4 MiB it settles near 200 MiB (peak
 * unchanged). Measured by `npm run bench -- fleet`, whose fleet child runs with these same flags.
 *
 * `--max-old-space-size=768` (MiB): the heap limit sized to the Deployment's 1 GiB memory limit
 * (deploy/deployment.yaml) less the ~200–250 MiB a 5,000-node server holds outside V8's heap (the Node binary's
 * pages, buffers, the probe thread); without it V8 sizes the heap to the machine (~4 GiB here), and its
 * growing heuristic, which scales with that limit, let the heap run to ~1.6× what it kept alive between
 * sweeps. At 768 it collects sooner: steady RSS 430 → 388 MiB, peak 404 → 367 MiB in a diagnostic run of the
 * stats loop at 5,000 nodes, sweeps as fast (server CPU per sweep unchanged). Live data at 5,000 nodes is
 * ~150–220 MiB per credential identity, so a shared server with several signed-in identities on a fleet that
 * size needs more: an operator's NODE_OPTIONS come after these and win (docs/deploy.md).
 */
export const SERVER_NODE_OPTIONS = '--max-semi-space-size=4 --max-old-space-size=768';

/**
 * NODE_OPTIONS for a server child: ours first, so an operator's own flags (later) win.
 * @internal exported for its unit test; children get it through serverEnv
 */
export const serverNodeOptions = (inherited: string | undefined = process.env.NODE_OPTIONS): string =>
  [SERVER_NODE_OPTIONS, inherited].filter(Boolean).join(' ');

/**
 * libuv's thread pool size for the production server (UV_THREADPOOL_SIZE; Node's default is 4). Next gzips every
 * response on that pool, and at 5,000 nodes a node list is ~5 MB to compress: under the load bench (200 clients)
 * the 4 threads were busy compressing and everything else that needs the pool waited behind them — /healthz on a
 * fresh connection took 16 s (median) with 4 threads and 1.4 s with 32 (`npm run bench -- load`; docs/deploy.md).
 * The threads are idle otherwise and cost little memory. An operator's own UV_THREADPOOL_SIZE wins.
 */
export const SERVER_THREADPOOL_SIZE = '16';

/**
 * How long the production server keeps an idle keep-alive connection, in ms (`next start --keepAliveTimeout`;
 * the standalone server of the image reads KEEP_ALIVE_TIMEOUT). Node's default is 5 s: a node list polling every
 * 10 s, or a client told to Retry-After more than 5 s, found its connection closed and opened a new one, and under
 * load a new connection waits for the event loop to accept it (libuv accepts one per turn, docs/deploy.md).
 * 65 s also outlasts the idle timeouts proxies use for their upstream connections (ingress-nginx's upstream
 * keepalive 60 s, AWS ALB 60 s): a server that closed first would race the proxy's next request on that
 * connection (the proxy answers 502).
 */
export const SERVER_KEEP_ALIVE_MS = '65000';

/** The environment additions of a production server child: the Node flags and the thread pool size. */
export const serverEnv = (
  inherited: Readonly<Record<string, string | undefined>> = process.env,
): { NODE_OPTIONS: string; UV_THREADPOOL_SIZE: string } => ({
  NODE_OPTIONS: serverNodeOptions(inherited.NODE_OPTIONS),
  UV_THREADPOOL_SIZE: inherited.UV_THREADPOOL_SIZE || SERVER_THREADPOOL_SIZE,
});

/**
 * The environment that makes `next start` use the config its build was made with instead of loading
 * next.config.ts: `__NEXT_PRIVATE_STANDALONE_CONFIG`, the variable Next's own standalone server.js sets
 * (next/dist/server/config.js, loadConfigImpl; next/dist/server/next.js expects it with `next start` too).
 * Why: on Node 20 (no type stripping) `next start` transpiles next.config.ts with Next's native SWC binary, which
 * then stays mapped for the life of the process: 24 MiB of resident memory for a file read once, and with the
 * allocations around it 30–40 MiB of steady and peak RSS at 5,000 nodes (smaps of the server, bench/prod-server.ts;
 * BENCHMARKS.md). The config is the build's own (`.next/required-server-files.json`), which is also what the
 * container image runs (its standalone server.js never reads next.config.ts); a config changed after the build
 * takes effect with the next build, as the routes, headers and redirects compiled into it already do.
 * Empty when there is no build: `next start` then reports that itself. The same printer feeds `npm start`.
 */
export const builtNextConfigEnv = (dir = '.'): { __NEXT_PRIVATE_STANDALONE_CONFIG?: string } => {
  const printer = fileURLToPath(new URL('./built-next-config.mjs', import.meta.url));
  const config = execFileSync(process.execPath, [printer, dir], { encoding: 'utf8' });
  return config ? { __NEXT_PRIVATE_STANDALONE_CONFIG: config } : {};
};
