/**
 * Runs once when the server starts (Next's instrumentation hook). Fails fast on auth settings that cannot work,
 * e.g. KD_AUTH_MODE=shared without KD_SESSION_SECRET, instead of starting and refusing every sign-in.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { authConfig } = await import('./lib/auth/config');
  const { log } = await import('./lib/observability/log');
  try {
    const { mode } = authConfig();
    log.info({ authMode: mode }, `auth mode: ${mode}`);
  } catch (err) {
    log.fatal({ err: err instanceof Error ? err.message : String(err) }, 'refusing to start: invalid auth settings');
    process.exit(1);
  }
}
