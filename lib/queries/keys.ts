/**
 * The one query-key factory. Keys are hierarchical so that invalidating `nodeKeys.detail(n)` refreshes
 * configz and summary together, and approving a CSR invalidates `csrKeys.all`.
 * The kube context is part of every key: switching context must never show another cluster's cache.
 */
export const contextKeys = {
  all: ['contexts'] as const,
};

export const nodeKeys = {
  all: (ctx: string) => ['nodes', ctx] as const,
  list: (ctx: string) => [...nodeKeys.all(ctx), 'list'] as const,
  detail: (ctx: string, name: string) => [...nodeKeys.all(ctx), 'detail', name] as const,
  configz: (ctx: string, name: string) => [...nodeKeys.detail(ctx, name), 'configz'] as const,
  summary: (ctx: string, name: string) => [...nodeKeys.detail(ctx, name), 'summary'] as const,
};

export const csrKeys = {
  all: (ctx: string) => ['csrs', ctx] as const,
  list: (ctx: string) => [...csrKeys.all(ctx), 'list'] as const,
  detail: (ctx: string, name: string) => [...csrKeys.all(ctx), 'detail', name] as const,
};

/**
 * Kubelet security posture (GET /api/posture), under the context's node keys so a context switch or a node
 * refresh invalidates it too. The query string is part of the key: each view and selector is its own entry.
 */
export const postureKeys = {
  all: (ctx: string) => [...nodeKeys.all(ctx), 'posture'] as const,
  view: (ctx: string, qs: string) => [...postureKeys.all(ctx), qs] as const,
};
