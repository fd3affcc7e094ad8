import 'server-only';
import { authConfig } from '@/lib/auth/config';
import { getFleet } from '@/lib/fleet/fleet';
import { getKube } from '@/lib/k8s/client';
import { log } from '@/lib/observability/log';

/**
 * Local mode: start the kubeconfig's current context's node and pod watches when the server starts, as a
 * controller starts its informers, instead of on the first page view. At 5,000 nodes the first LIST of nodes
 * and pods takes seconds; begun at boot it is usually done by the time anyone opens the dashboard, and the first
 * /api/nodes joins it if not. Shared modes have no credentials before a user signs in: nothing to warm.
 * Never blocks start-up and never fails it: an unreachable cluster is reported by the pages as usual.
 * Readiness does not wait for it (app/readyz/route.ts says why).
 */
export function warmDefaultContext(): void {
  if (authConfig().mode !== 'local') return;
  let fleet;
  try {
    fleet = getFleet(getKube({}));
  } catch (err) {
    log.warn({ err: err instanceof Error ? err.message : String(err) }, 'warm-up: no default context to watch');
    return;
  }
  const started = performance.now();
  Promise.all([fleet.nodes.ready(), fleet.pods.ready()]).then(
    () =>
      log.info(
        { nodes: fleet.nodes.size, ms: Math.round(performance.now() - started) },
        'warm-up: node and pod watches synced',
      ),
    (err: unknown) =>
      log.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'warm-up: first list failed; pages will retry',
      ),
  );
}
