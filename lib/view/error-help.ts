import { AppError } from '@/lib/app-error';

export interface ErrorHelp {
  /** short headline: what kind of failure */
  title: string;
  /** the server's message (never invented) */
  message: string;
  /** what it takes to fix it: the server's hint when it sent one, otherwise what this kind of failure needs */
  needs: string;
  /** "Forbidden (403)" for the detail line; undefined for errors that are not AppErrors */
  status?: string;
}

const FALLBACK: Record<string, { title: string; needs: (what: string) => string }> = {
  Unauthorized: {
    title: 'Not authenticated',
    needs: () =>
      'Valid credentials for the current kube context: the token or client certificate in the kubeconfig was rejected or has expired.',
  },
  Forbidden: {
    title: 'Permission denied',
    needs: (what) =>
      `RBAC permission for ${what}: the context's user needs "list" on that resource (check with kubectl auth can-i).`,
  },
  NotFound: {
    title: 'Not found',
    needs: () => 'The object or API may have been removed; check the current kube context.',
  },
  ServiceUnavailable: {
    title: 'Cluster unreachable',
    needs: () =>
      'Network connectivity from the dashboard server to the Kubernetes API server (VPN, firewall, the server URL in the kubeconfig).',
  },
  Timeout: {
    title: 'Request timed out',
    needs: () => 'A responsive API server: it did not answer in time. Check connectivity and apiserver load.',
  },
  TooManyRequests: {
    title: 'Rate limited',
    needs: () => 'Fewer requests: the API server is throttling (API Priority and Fairness). It retries shortly.',
  },
  MalformedResponse: {
    title: 'Unexpected response',
    needs: () =>
      'A compatible API server or dashboard version: the response did not match what the dashboard understands.',
  },
  KubeletUnreachable: {
    title: 'Kubelet unreachable',
    needs: () =>
      'The API server dials the kubelet on port 10250: the node must be up and reachable from the control plane.',
  },
  MetricsUnavailable: {
    title: 'Metrics unavailable',
    needs: () => 'metrics-server serving metrics.k8s.io.',
  },
  BadRequest: { title: 'Request refused', needs: () => 'A request within the size or format the message names.' },
  Invalid: { title: 'Invalid input', needs: () => 'Input corrected as the message says.' },
  InternalError: { title: 'Server error', needs: () => 'See the dashboard server log for details.' },
};

/**
 * Turns any error a query raised into what the error panel says: what failed, the server's message, and
 * the permission or connectivity needed. `what` names the resource for the RBAC sentence ("nodes").
 */
export function describeError(err: unknown, what: string): ErrorHelp {
  if (!(err instanceof AppError)) {
    return {
      title: 'Something went wrong',
      message: err instanceof Error ? err.message : 'Unknown error.',
      needs: 'Reload the page; if it keeps failing, see the dashboard server log.',
    };
  }
  const fallback = FALLBACK[err.reason] ?? FALLBACK.InternalError!;
  return {
    title: fallback.title,
    message: err.message,
    needs: err.hint ?? fallback.needs(what),
    status: `${err.reason} (${err.code})`,
  };
}
