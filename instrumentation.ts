/**
 * Runs once when the server starts (Next's instrumentation hook). Fails fast on auth and host settings that cannot
 * work, e.g. KD_AUTH_MODE=shared without KD_SESSION_SECRET, or listening beyond loopback without
 * KD_ALLOWED_HOSTS, instead of starting and refusing every sign-in or every request. Then, in local mode, starts
 * watching the default context's nodes and pods (lib/server/warm-up.ts).
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
  const { warmDefaultContext } = await import('./lib/server/warm-up');
  warmDefaultContext();
}
