/**
 * Node flags of the production server (`npm start`, `npm run demo -- --prod`, deploy/Dockerfile).
 * `--max-semi-space-size=4` (MiB; Node 20's default grows to 16): fleet sweeps parse ~100 MB/s of short-lived
 * kubelet answers, and with the default young generation V8 keeps the heap it grew during a sweep, so the
 * server idled at ~330 MiB RSS between sweeps of 5,000 nodes; with 4 MiB it settles near 200 MiB (peak
 * unchanged). Measured by `npm run bench -- fleet`, whose fleet child runs with these same flags.
 */
export const SERVER_NODE_OPTIONS = '--max-semi-space-size=4';

/** NODE_OPTIONS for a server child: ours first, so an operator's own flags (later) win. */
export const serverNodeOptions = (inherited: string | undefined = process.env.NODE_OPTIONS): string =>
  [SERVER_NODE_OPTIONS, inherited].filter(Boolean).join(' ');
