import { PRESSURE_CONDITIONS } from '@/lib/domain/signal-conditions';

/**
 * The node list's view state lives in the URL (`/nodes?q=&role=&status=&version=&pressure=&cordoned=&sort=&dir=`),
 * so a view can be shared and reloads identically. Parsing never throws: a value we do not understand
 * (an old link, a typo, an oversized paste) falls back to its default instead of breaking the page. The URL is
 * user input, read on the server and in the browser on every navigation: closed lists and bounded strings,
 * checked by hand (no validator in the node list's bundle, issue 20).
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
export const PRESSURE_FILTERS = ['any', 'none', ...PRESSURE_CONDITIONS] as const;
export type PressureFilter = (typeof PRESSURE_FILTERS)[number];

/** Role filter value for nodes without any role label (kubectl prints `<none>`). */
export const NO_ROLE = '<none>';

/** `value` when it is one of `allowed` (exactly, case included), else undefined. */
function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** Trimmed text of at most `max` characters; empty, blank or longer is no value (a filter of nothing). */
function boundedText(value: string | undefined, max: number): string | undefined {
  const text = value?.trim();
  return text && text.length <= max ? text : undefined;
}

/** Longest free-text search kept from a URL; a longer one is dropped whole rather than cut mid-term. */
const MAX_QUERY_LENGTH = 500;
/** Role names come from label keys: a DNS subdomain prefix, at most 253 characters. */
const MAX_ROLE_LENGTH = 253;
/** Kubelet versions are short (`v1.33.2-eks-1234abcd`); bounded so a pasted link cannot carry a novel. */
const MAX_VERSION_LENGTH = 64;

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
  const q = readParam(params, 'q');
  const role = boundedText(readParam(params, 'role'), MAX_ROLE_LENGTH);
  const status = oneOf(STATUS_FILTERS, readParam(params, 'status'));
  const version = boundedText(readParam(params, 'version'), MAX_VERSION_LENGTH);
  const pressure = oneOf(PRESSURE_FILTERS, readParam(params, 'pressure'));
  return {
    // the search is kept as typed (spaces included): the box shows it back exactly
    q: q !== undefined && q.length <= MAX_QUERY_LENGTH ? q : '',
    sort: oneOf(SORT_COLUMNS, readParam(params, 'sort')) ?? DEFAULT_VIEW_STATE.sort,
    dir: oneOf(['asc', 'desc'] as const, readParam(params, 'dir')) ?? DEFAULT_VIEW_STATE.dir,
    ...(role ? { role } : {}),
    ...(status ? { status } : {}),
    ...(version ? { version } : {}),
    ...(pressure ? { pressure } : {}),
    ...(readParam(params, 'cordoned') === 'true' ? { cordoned: true } : {}),
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
