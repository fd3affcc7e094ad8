import type { NodeFirstScreen, NodeListResponse } from '@/lib/api/nodes';
import type { PartAvailability } from '@/lib/api/partial';
import { countNodes, filterNodes, nodeFacets } from './node-filters';
import { sortNodes } from './node-sort';
import { serializeViewState, type NodeViewState, type SortColumn } from './node-view-state';

/**
 * Rows the server sends: more than a tall screen shows (44 px rows: 40 rows fill 1,760 px), few enough that the
 * page's payload stays the same size whatever the fleet's.
 * @internal exported for its unit tests
 */
export const FIRST_SCREEN_ROWS = 40;

/** Why the server cannot order by `column` now (undefined: it can). It never shows an order it does not know. */
function cannotSort(column: SortColumn, metrics: PartAvailability, pods: PartAvailability): string | undefined {
  switch (column) {
    case 'posture':
      return 'Sorting by posture needs every kubelet’s configuration, read in your browser';
    case 'eviction':
      return 'Sorting by eviction headroom needs every kubelet’s stats, read in your browser';
    case 'cpu':
    case 'memory':
      return metrics.available ? undefined : 'Sorting by usage needs node metrics, still loading';
    case 'cpuRequests':
    case 'memoryRequests':
    case 'pods':
      return pods.available ? undefined : 'Sorting by requests or pods needs pod totals, still loading';
    default:
      return undefined;
  }
}

/**
 * The first screenful of the view `view` over the whole list, and the figures the page header shows (counts,
 * filter choices), so the page's first HTML carries a few dozen rows instead of every node. Same filter and sort
 * functions as the browser, so the rows are the ones the browser shows first. Pure: the page (server) calls it.
 */
export function nodeFirstScreen(
  { items, ...rest }: NodeListResponse,
  view: NodeViewState,
  renderedAt: number,
): NodeFirstScreen {
  const matching = filterNodes(items, view);
  const why = cannotSort(view.sort, rest.metrics, rest.pods);
  return {
    ...rest,
    view: serializeViewState(view),
    rows: why ? null : sortNodes(matching, view.sort, view.dir).slice(0, FIRST_SCREEN_ROWS),
    ...(why ? { rowsUnavailable: why } : {}),
    shown: matching.length,
    counts: countNodes(items),
    facets: nodeFacets(items),
    renderedAt,
  };
}
