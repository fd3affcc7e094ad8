/**
 * Runs once when the server starts (Next's instrumentation hook). Fails fast on auth and host settings that cannot
 * work, e.g. KD_AUTH_MODE=shared without KD_SESSION_SECRET, or listening beyond loopback without
 * KD_ALLOWED_HOSTS, instead of starting and refusing every sign-in or every request. Then, in local mode, starts
 * watching the default context's nodes and pods (lib/server/warm-up.ts). With KD_PROBE_PORT, the probes get their
 * own thread and port first.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { authConfig } = await import('./lib/auth/config');
  const { log } = await import('./lib/observability/log');
  const { describeAllowlist, hostAllowlist } = await import('./lib/security/allowed-hosts');
  try {
    const { mode } = authConfig();
    const allowedHosts = describeAllowlist(hostAllowlist());
    log.info({ authMode: mode, allowedHosts }, `auth mode: ${mode}; answering to ${allowedHosts.join(', ')}`);
  } catch (err) {
    log.fatal(
      { err: err instanceof Error ? err.message : String(err) },
      'refusing to start: invalid auth or host settings',
    );
    process.exit(1);
  }
  await startProbes(log);
  const { warmDefaultContext } = await import('./lib/server/warm-up');
  warmDefaultContext();
}

/**
 * KD_PROBE_PORT: liveness and readiness on their own thread (lib/server/probe-listener.ts); no port, no thread.
 * A settings error is left to the routes (422, /readyz 503 naming it); a port that cannot be bound stops the start.
 */
async function startProbes(log: (typeof import('./lib/observability/log'))['log']): Promise<void> {
  const { env } = await import('./lib/env');
  let settings: ReturnType<typeof env>;
  try {
    settings = env();
  } catch (err) {
    log.error(
      { err: err instanceof Error ? err.message : String(err) },
      'probe listener not started: invalid settings',
    );
    return;
  }
  const { KD_PROBE_PORT: port, HOST } = settings;
  if (port === undefined) return;
  const host = HOST ?? '127.0.0.1';
  const { startProbeListener } = await import('./lib/server/probe-listener');
  const { readiness } = await import('./lib/server/readiness');
  try {
    await startProbeListener({ host, port, readiness });
  } catch (err) {
    log.fatal({ err: err instanceof Error ? err.message : String(err) }, 'refusing to start: probe listener');
    process.exit(1);
  }
  log.info({ probePort: port }, `probes (/healthz, /readyz) on their own thread at ${host}:${port}`);
}
