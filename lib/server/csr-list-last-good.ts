import 'server-only';
import type { CsrListResponse } from '@/lib/api/csrs';
import type { Kube } from '@/lib/k8s/client';
import { listReviewedCsrs } from './csr-review';
import { LastGood } from './last-good';

// On globalThis so Next's dev-mode module reloading keeps one store (as lib/fleet/fleet.ts does).
const KEY = Symbol.for('kubelet-dashboard.csr-list-last-good');
type WithStore = typeof globalThis & { [KEY]?: LastGood<CsrListResponse> };

function store(): LastGood<CsrListResponse> {
  const g = globalThis as WithStore;
  g[KEY] ??= new LastGood<CsrListResponse>();
  return g[KEY];
}

/**
 * GET /api/csrs: the reviewed list, or, while the API server fails, the identity's last good list with
 * `stale`, `staleSince` and the error (its `fetchedAt` stays the time of that list). Approving from a stale list
 * is still safe: every decision re-reads the CSR and re-checks it (lib/server/csr-decide.ts).
 */
export async function listReviewedCsrsOrLastGood(kube: Kube): Promise<CsrListResponse> {
  const { value, staleness } = await store().read(kube.identity, async () => {
    const { resourceVersion: _rv, ...body } = await listReviewedCsrs(kube, new Date());
    return body;
  });
  return { ...value, ...staleness };
}
