import 'server-only';
import type { PodTotals } from '@/lib/domain/node-row';
import type { Kube } from '@/lib/k8s/client';
import { listPodSharesForWatch, watchPodSharesSince, type PodShare } from '@/lib/k8s/fleet-sources';
import { observeApiCall } from '@/lib/observability/prometheus';
import { PodTotalsIndex } from './pod-totals';
import { Reflector, type ReflectorOptions } from './reflector';

export interface PodInformerOptions extends ReflectorOptions {
  /** injectable sources for tests */
  list?: typeof listPodSharesForWatch;
  watch?: typeof watchPodSharesSince;
}

/**
 * Per-node pod requests, limits and counts of one kube identity, from one paginated LIST of pods and then a
 * WATCH (issue 20): the apiserver sees a LIST at start (and after a 410), not one per refresh period, and the
 * server keeps per-node totals plus a node and an interned shape per pod (pod-totals.ts), never pod objects.
 */
export class PodInformer {
  private index = new PodTotalsIndex();
  private readonly reflector: Reflector<PodShare, PodTotalsIndex>;

  constructor(kube: Kube, opts: PodInformerOptions = {}) {
    const list = opts.list ?? listPodSharesForWatch;
    const watch = opts.watch ?? watchPodSharesSince;
    this.reflector = new Reflector<PodShare, PodTotalsIndex>(
      {
        name: 'pods',
        // a fresh index filled as the pages arrive, swapped in only once the list has succeeded
        list: () =>
          observeApiCall('pods.list', async () => {
            const listed = new PodTotalsIndex();
            const { resourceVersion } = await list(kube, (share) => listed.upsert(share));
            return { items: listed, resourceVersion };
          }),
        watch: (o) => watch(kube, o),
        onList: (listed) => (this.index = listed),
        onEvent: (type, item) => (type === 'DELETED' ? this.index.remove(item.key) : this.index.upsert(item)),
        resourceVersionOf: (item) => item.resourceVersion,
      },
      opts,
    );
  }

  /** Waits for the first list (rejects with its error; the next call retries). */
  ready(): Promise<void> {
    return this.reflector.ready();
  }

  /** Totals per node as of the last event; undefined before the first list completed. */
  totals(): Map<string, PodTotals> | undefined {
    this.reflector.touch();
    return this.reflector.hasSynced ? this.index.totals() : undefined;
  }

  /** ms of the last list, event or bookmark; the last failure while the watch is down. */
  get syncedAt(): number {
    return this.reflector.syncedAt;
  }

  get lastError(): string | undefined {
    return this.reflector.lastError;
  }

  stop(): void {
    this.reflector.stop();
  }
}
