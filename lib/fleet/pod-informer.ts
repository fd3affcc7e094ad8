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
  private readonly index = new PodTotalsIndex();
  private readonly reflector: Reflector<PodShare>;

  constructor(kube: Kube, opts: PodInformerOptions = {}) {
    const list = opts.list ?? listPodSharesForWatch;
    const watch = opts.watch ?? watchPodSharesSince;
    this.reflector = new Reflector<PodShare>(
      {
        name: 'pods',
        list: () => observeApiCall('pods.list', () => list(kube)),
        watch: (o) => watch(kube, o),
        onList: (items) => this.index.replaceAll(items),
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
