/**
 * The one query-key factory: every query key of the app is built here. Keys are hierarchical so that
 * invalidating `nodeKeys.detail(n)` refreshes the node's object, configz, summary and pods together, and
 * approving a CSR invalidates `csrKeys.all` (list, details and the nav badge's count).
 * The kube context is part of every key: switching context must never show another cluster's cache.
 */
export const contextKeys = {
  all: ['contexts'] as const,
};

/** Shared mode: the clusters this session added (their contexts are then in contextKeys.all too). */
export const sessionClusterKeys = {
  all: ['session-clusters'] as const,
};

/** The fleet overview spans contexts, so it is keyed by the included contexts (sorted; empty = every context). */
export const clusterKeys = {
  overview: (contexts: readonly string[]) => ['clusters', 'overview', [...contexts].sort().join(',')] as const,
};

export const nodeKeys = {
  all: (ctx: string) => ['nodes', ctx] as const,
  list: (ctx: string) => [...nodeKeys.all(ctx), 'list'] as const,
  detail: (ctx: string, name: string) => [...nodeKeys.all(ctx), 'detail', name] as const,
  object: (ctx: string, name: string) => [...nodeKeys.detail(ctx, name), 'node'] as const,
  configz: (ctx: string, name: string) => [...nodeKeys.detail(ctx, name), 'configz'] as const,
  summary: (ctx: string, name: string) => [...nodeKeys.detail(ctx, name), 'summary'] as const,
  pods: (ctx: string, name: string) => [...nodeKeys.detail(ctx, name), 'pods'] as const,
  history: (ctx: string, name: string) => [...nodeKeys.detail(ctx, name), 'history'] as const,
};

/**
 * Compare keys live under the context's node keys, so invalidating `nodeKeys.all(ctx)` (context switch, node
 * changes) refreshes comparisons too. The query string is the key: each distinct view is its own entry.
 */
export const compareKeys = {
  all: (ctx: string) => [...nodeKeys.all(ctx), 'compare'] as const,
  view: (ctx: string, qs: string) => [...compareKeys.all(ctx), qs] as const,
};

export const csrKeys = {
  all: (ctx: string) => ['csrs', ctx] as const,
  list: (ctx: string) => [...csrKeys.all(ctx), 'list'] as const,
  detail: (ctx: string, name: string) => [...csrKeys.all(ctx), 'detail', name] as const,
  pendingCount: (ctx: string) => [...csrKeys.all(ctx), 'pending-count'] as const,
};

/**
 * Kubelet security posture (GET /api/posture), under the context's node keys so a context switch or a node
 * refresh invalidates it too. The query string is part of the key: each view and selector is its own entry.
 */
export const postureKeys = {
  all: (ctx: string) => [...nodeKeys.all(ctx), 'posture'] as const,
  view: (ctx: string, qs: string) => [...postureKeys.all(ctx), qs] as const,
};
