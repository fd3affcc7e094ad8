import 'server-only';
import { describeUnreviewed, unreviewedBulkNames, type BulkItem } from '@/lib/domain/csr-bulk-scope';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/observability/log';
import type { Kube } from '@/lib/k8s/client';
import { listCsrWire } from '@/lib/k8s/csrs';

/**
 * Bulk approval takes only names the user saw pending in the reviewed list (lib/domain/csr-bulk-scope.ts): one
 * LIST, then the whole request is refused with one 422 and one log line if any name is not, before a single
 * per-CSR read or audit line.
 */
export async function assertBulkItemsReviewed(kube: Kube, items: readonly BulkItem[]): Promise<void> {
  const { items: listed } = await listCsrWire(kube);
  const refused = unreviewedBulkNames(
    items,
    listed.map((c) => ({
      name: c.metadata.name,
      resourceVersion: c.metadata.resourceVersion,
      conditions: (c.status?.conditions ?? []).map((x) => ({ type: x.type, status: x.status })),
    })),
  );
  if (refused.length === 0) return;
  const message = describeUnreviewed(refused, items.length);
  log.warn(
    { audit: 'csr-bulk-refused', context: kube.context, requested: items.length, refused: refused.length },
    message,
  );
  throw new AppError('Invalid', 422, message);
}
