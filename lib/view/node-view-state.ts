import * as z from '@/lib/zod-mini';
import { PressureSchema } from '@/lib/api/nodes';

/**
 * The node list's view state lives in the URL (`/nodes?q=&role=&status=&version=&pressure=&cordoned=&sort=&dir=`),
 * so a view can be shared and reloads identically. Parsing never throws: a value we do not understand
 * (an old link, a typo) falls back to its default instead of breaking the page.
 * @internal exported for its unit tests
 */
export const SORT_COLUMNS = [
  'name',
  'status',
  'roles',
  'version',
  'system',
  'age',
  'cpu',
  'memory',
  'cpuRequests',
  'memoryRequests',
  'pods',
  'pressure',
  'taints',
  'posture',
  'eviction',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** kubectl's STATUS column: the Ready condition is True, or it is not (False or Unknown). */
export const STATUS_FILTERS = ['Ready', 'NotReady'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** `any`: at least one pressure condition; `none`: no pressure; or one named condition. */
export const PRESSURE_FILTERS = ['any', 'none', ...PressureSchema.options] as const;
export type PressureFilter = (typeof PRESSURE_FILTERS)[number];

/** Role filter value for nodes without any role label (kubectl prints `<none>`). */
export const NO_ROLE = '<none>';

const optionalText = (max: number) =>
  z.catch(
    z.optional(
      z.pipe(
        z.string().check(z.trim(), z.maxLength(max)),
        z.transform((s: string) => (s === '' ? undefined : s)),
      ),
    ),
    undefined,
  );

const ViewStateSchema = z.object({
  q: z.catch(z.optional(z.string().check(z.maxLength(500))), undefined),
  role: optionalText(253),
  status: z.catch(z.optional(z.enum(STATUS_FILTERS)), undefined),
  version: optionalText(64),
  pressure: z.catch(z.optional(z.enum(PRESSURE_FILTERS)), undefined),
  cordoned: z.catch(z.optional(z.enum(['true'])), undefined),
  sort: z.catch(z.enum(SORT_COLUMNS), 'name'),
  dir: z.catch(z.enum(['asc', 'desc']), 'asc'),
});

export interface NodeViewState {
  q: string;
  role?: string;
  status?: StatusFilter;
  version?: string;
  pressure?: PressureFilter;
  /** only cordoned nodes (spec.unschedulable), the summary bar's "N cordoned" toggle */
  cordoned?: boolean;
  sort: SortColumn;
  dir: 'asc' | 'desc';
}

/** @internal exported for its unit tests */
export const DEFAULT_VIEW_STATE: NodeViewState = { q: '', sort: 'name', dir: 'asc' };

type ParamsInput =
  URLSearchParams | { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function readParam(params: ParamsInput, name: string): string | undefined {
  if (typeof (params as URLSearchParams).get === 'function') {
    return (params as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const value = (params as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value; // repeated params: the first one wins, like URLSearchParams.get
}

/** Reads the view state from search params (URLSearchParams, Next's ReadonlyURLSearchParams or a page's searchParams). */
export function parseViewState(params: ParamsInput): NodeViewState {
  const raw = Object.fromEntries(
    ['q', 'role', 'status', 'version', 'pressure', 'cordoned', 'sort', 'dir'].map((k) => [k, readParam(params, k)]),
  );
  const parsed = ViewStateSchema.parse(raw);
  return {
    q: parsed.q ?? '',
    sort: parsed.sort,
    dir: parsed.dir,
    ...(parsed.role ? { role: parsed.role } : {}),
    ...(parsed.status ? { status: parsed.status } : {}),
    ...(parsed.version ? { version: parsed.version } : {}),
    ...(parsed.pressure ? { pressure: parsed.pressure } : {}),
    ...(parsed.cordoned ? { cordoned: true } : {}),
  };
}

/** The query string for a view state ("" for the default view); defaults are omitted to keep links short. */
export function serializeViewState(state: NodeViewState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q);
  if (state.role) params.set('role', state.role);
  if (state.status) params.set('status', state.status);
  if (state.version) params.set('version', state.version);
  if (state.pressure) params.set('pressure', state.pressure);
  if (state.cordoned) params.set('cordoned', 'true');
  if (state.sort !== DEFAULT_VIEW_STATE.sort || state.dir !== DEFAULT_VIEW_STATE.dir) {
    params.set('sort', state.sort);
    params.set('dir', state.dir);
  }
  return params.toString();
}

/** Whether any filter (not sorting) narrows the list. */
export function hasFilters(state: NodeViewState): boolean {
  return (
    state.q.trim() !== '' || !!state.role || !!state.status || !!state.version || !!state.pressure || !!state.cordoned
  );
}
