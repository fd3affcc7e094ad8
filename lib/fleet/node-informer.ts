import 'server-only';
import type { Kube } from '@/lib/k8s/client';
import { toKubeError } from '@/lib/k8s/errors';
import { listNodesForWatch, watchNodesSince, type WatchedNode } from '@/lib/k8s/fleet-sources';
import { observeApiCall } from '@/lib/observability/prometheus';
import { Reflector, type ReflectorOptions } from './reflector';
import type { SyncState } from './sync-state';

export interface InformerOptions extends ReflectorOptions {
  /** injectable sources for tests */
  list?: typeof listNodesForWatch;
  watch?: typeof watchNodesSince;
}

const WATCH_TARGET = { kind: 'api', verb: 'watch', resource: 'nodes' } as const;

/**
 * Nodes of one kube identity, from one LIST and then one WATCH (reflector.ts: resume on the server's watch
 * timeout, relist on 410 Gone or any error with backoff, stop when nobody has read it for `idleMs`): every page
 * view, sweep and /api/nodes call reads this map instead of listing 5,000 nodes again.
 */
export class NodeInformer {
  private readonly nodes = new Map<string, WatchedNode>();
  private readonly reflector: Reflector<WatchedNode>;

  constructor(kube: Kube, opts: InformerOptions = {}) {
    const list = opts.list ?? listNodesForWatch;
    const watch = opts.watch ?? watchNodesSince;
    this.reflector = new Reflector<WatchedNode>(
      {
        name: 'node',
        logFields: { context: kube.context },
        toError: (err) => toKubeError(err, WATCH_TARGET, kube.server),
        list: () => observeApiCall('nodes.list', () => list(kube)),
        watch: (o) => watch(kube, o),
        onList: (items) => {
          const seen = new Set<string>();
          for (const item of items) {
            seen.add(item.node.name);
            this.nodes.set(item.node.name, item);
          }
          for (const name of [...this.nodes.keys()]) if (!seen.has(name)) this.nodes.delete(name);
        },
        onEvent: (type, item) =>
          type === 'DELETED' ? this.nodes.delete(item.node.name) : this.nodes.set(item.node.name, item),
        onStop: () => this.nodes.clear(),
        resourceVersionOf: (item) => item.resourceVersion,
      },
      opts,
    );
  }

  /** health of the list/watch: answers built from this map carry its fetchedAt and, while failing, stale + error */
  get sync(): SyncState {
    return this.reflector.sync;
  }

  /** Waits for the first list (starting it if needed); rejects with the list's error, and the next call retries. */
  ready(): Promise<void> {
    return this.reflector.ready();
  }

  /** Every node, in name order (the map's order is insertion order, which a relist reshuffles). */
  list(): WatchedNode[] {
    this.reflector.touch();
    return [...this.nodes.values()].sort((a, b) =>
      a.node.name < b.node.name ? -1 : a.node.name > b.node.name ? 1 : 0,
    );
  }

  get(name: string): WatchedNode | undefined {
    return this.nodes.get(name);
  }

  get size(): number {
    return this.nodes.size;
  }

  stop(): void {
    this.reflector.stop();
  }
}
