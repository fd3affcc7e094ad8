import 'server-only';
import { ApiException } from '@kubernetes/client-node';
import { z } from 'zod';
import {
  isKubeletMissingEndpoint,
  kubeletForbiddenHint,
  kubeletMissingEndpointHint,
  kubeletTimeoutHint,
  parseKubeletForbidden,
} from '@/lib/domain/kubelet-errors';
import { AppError } from '@/lib/errors';
import { canICommand, findPermission, PERMISSIONS, resourceRef, type Permission } from './permissions';

/**
 * What a request was for, so an error can say what failed and which permission would fix it.
 * `api`: a resource on the apiserver; `kubelet`: a fixed kubelet endpoint through the node proxy;
 * `metrics`: metrics.k8s.io (served by metrics-server through an APIService).
 */
export type Target =
  | { kind: 'api'; verb: 'get' | 'list' | 'watch' | 'create'; resource: string; group?: string; name?: string }
  | { kind: 'kubelet'; node: string; endpoint: 'configz' | 'stats/summary' }
  | { kind: 'metrics'; node?: string };

class KubeUnauthorizedError extends AppError {
  constructor(readonly server: string) {
    super(
      'Unauthorized',
      401,
      `The API server at ${server} rejected the credentials.`,
      "The kubeconfig user's token or client certificate is invalid or expired: refresh it (e.g. re-run your cloud's get-credentials).",
    );
  }
}

class KubeForbiddenError extends AppError {
  constructor(message: string, hint: string) {
    super('Forbidden', 403, message, hint);
  }
}

class KubeletUnreachableError extends AppError {
  constructor(node: string, detail: string) {
    super(
      'KubeletUnreachable',
      502,
      `The kubelet on node "${node}" could not be reached: ${detail}`,
      'The API server dials the kubelet on port 10250: check that the node is up and that the control plane can reach it.',
    );
  }
}

class MetricsUnavailableError extends AppError {
  constructor(
    detail: string,
    hint = 'Install metrics-server (https://github.com/kubernetes-sigs/metrics-server) to serve metrics.k8s.io.',
  ) {
    super('MetricsUnavailable', 503, `Node metrics are unavailable: ${detail}`, hint);
  }
}

export class KubeTimeoutError extends AppError {
  constructor(what: string, ms: number, hint?: string) {
    super('Timeout', 504, `${what} did not answer within ${ms} ms.`, hint);
  }
}

/** Our deadline on a request: for a kubelet read the hint names the kubelet, not the API server that relayed it. */
export function timeoutError(target: Target, ms: number): KubeTimeoutError {
  return new KubeTimeoutError(
    describeTarget(target),
    ms,
    target.kind === 'kubelet' ? kubeletTimeoutHint(target.node, ms) : undefined,
  );
}

export class MalformedResponseError extends AppError {
  constructor(what: string, detail: string) {
    super('MalformedResponse', 502, `${what} sent a response we could not read: ${detail}`);
  }
}

export class ResponseTooLargeError extends AppError {
  constructor(what: string, maxBytes: number) {
    super(
      'MalformedResponse',
      502,
      `${what}: response larger than ${maxBytes} bytes.`,
      'Raise KD_MAX_BODY_BYTES (kubelet) or KD_MAX_API_BODY_BYTES (apiserver) if this is expected.',
    );
  }
}

class ApiServerUnreachableError extends AppError {
  constructor(
    server: string,
    detail: string,
    hint: string,
    /** what failed: the network path, TLS verification, or the kubeconfig's exec credential plugin */
    readonly failure: 'network' | 'tls' | 'exec-plugin' = 'network',
  ) {
    super('ServiceUnavailable', 503, `Cannot reach the API server at ${server}: ${detail}`, hint);
  }
}

/** The API server that rejected the credentials, when that is what `err` says (shared mode: whose token). */
export function rejectedBy(err: unknown): string | undefined {
  return err instanceof KubeUnauthorizedError ? err.server : undefined;
}

/** Why the API server could not be reached (the fleet overview's column), when that is what `err` says. */
export function unreachableFailure(err: unknown): ApiServerUnreachableError['failure'] | undefined {
  return err instanceof ApiServerUnreachableError ? err.failure : undefined;
}

/** The apiserver's error body (meta/v1 Status). Loose: only the fields we read; extensions survive. */
const WireStatusSchema = z.looseObject({
  kind: z.literal('Status'),
  message: z.string().optional(),
  reason: z.string().optional(),
  code: z.number().optional(),
  details: z
    .looseObject({ name: z.string().optional(), group: z.string().optional(), kind: z.string().optional() })
    .optional(),
});
type WireStatus = z.infer<typeof WireStatusSchema>;

function parseStatus(body: string): WireStatus | undefined {
  try {
    const parsed = WireStatusSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Describes the target for messages: `list nodes`, `kubelet configz on node "x"`. */
export function describeTarget(t: Target): string {
  switch (t.kind) {
    case 'api':
      return `${t.verb} ${t.resource}${t.group ? `.${t.group}` : ''}${t.name ? ` "${t.name}"` : ''}`;
    case 'kubelet':
      return `kubelet ${t.endpoint} on node "${t.node}"`;
    case 'metrics':
      return t.node ? `metrics for node "${t.node}"` : 'node metrics';
  }
}

/** The declared permission (lib/k8s/permissions.ts) a target needs. */
function permissionFor(t: Target): Permission | undefined {
  switch (t.kind) {
    case 'api':
      return findPermission(t.group ?? '', t.resource, t.verb);
    case 'kubelet':
      return PERMISSIONS.kubeletProxy;
    case 'metrics':
      return t.node ? PERMISSIONS.getNodeMetrics : PERMISSIONS.listNodeMetrics;
  }
}

function rbacHint(t: Target): string {
  const perm = permissionFor(t);
  if (!perm) {
    const [verb, resource] =
      t.kind === 'api' ? [t.verb, `${t.resource}${t.group ? `.${t.group}` : ''}`] : ['get', 'nodes/proxy'];
    return `Your RBAC role needs "${verb} ${resource}" (check with: kubectl auth can-i ${verb} ${resource}).`;
  }
  const where = perm.namespace ? ` in namespace ${perm.namespace}` : '';
  return `Your RBAC role needs "${perm.verb} ${resourceRef(perm)}"${where} (check with: ${canICommand(perm)}).`;
}

const trim = (text: string) => text.trim().slice(0, 500);

/**
 * Maps an HTTP error answer (status + raw body) to an AppError. The body is a meta/v1 Status when the
 * apiserver itself answered; through the node proxy a plain-text body is the kubelet's own answer
 * (e.g. its 403 "Forbidden (user=…, verb=get, resource=nodes, subresource=proxy)").
 */
export function fromHttpResponse(status: number, body: string, target: Target, server: string): AppError {
  const wire = parseStatus(body);
  const message = wire?.message ?? (trim(body) || `HTTP ${status}`);
  const what = describeTarget(target);

  if (status === 401) return new KubeUnauthorizedError(server);
  if (status === 403) {
    if (target.kind === 'kubelet' && !wire) {
      return new KubeForbiddenError(
        `The kubelet on node "${target.node}" refused the request: ${message}`,
        kubeletForbiddenHint(parseKubeletForbidden(body)),
      );
    }
    return new KubeForbiddenError(message, rbacHint(target));
  }
  if (target.kind === 'metrics') {
    // Missing group: the apiserver's mux answers "404 page not found" (not a Status). A Status NotFound naming
    // one object means the group is served but has no sample for that node yet.
    if (status === 404 && wire?.reason === 'NotFound' && wire.details?.name) {
      return new AppError(
        'NotFound',
        404,
        message,
        'metrics-server has no sample for this node yet (it scrapes every 15 s by default).',
      );
    }
    if (status === 404) return new MetricsUnavailableError('metrics.k8s.io is not served by this cluster.');
    if (status === 503) {
      return new MetricsUnavailableError(
        message,
        'metrics-server is registered but not answering: check `kubectl get apiservice v1beta1.metrics.k8s.io` and its pods in kube-system.',
      );
    }
  }
  if (target.kind === 'kubelet' && !wire && isKubeletMissingEndpoint(status, body)) {
    return new AppError(
      'NotFound',
      404,
      `The kubelet on node "${target.node}" does not serve /${target.endpoint} (it answered "${message}").`,
      kubeletMissingEndpointHint(target.endpoint),
    );
  }
  if (target.kind === 'kubelet' && (status === 502 || status === 503)) {
    return new KubeletUnreachableError(target.node, message);
  }
  if (status === 404) {
    return new AppError('NotFound', 404, wire ? message : `${what}: not found (${message})`);
  }
  if (status === 504 || wire?.reason === 'Timeout') return new AppError('Timeout', 504, `${what}: ${message}`);
  if (status === 410) {
    // Expired continue token or watch resourceVersion (API concepts: "410 Gone"): the list must start over.
    return new AppError('Conflict', 409, `${what}: ${message}`, 'The list changed while it was being read: reload.');
  }
  if (status === 429)
    return new AppError(
      'TooManyRequests',
      429,
      `${what}: ${message}`,
      'The API server is rate limiting: retry shortly.',
    );
  if (status === 422) return new AppError('Invalid', 422, message);
  if (status === 409) return new AppError('Conflict', 409, message);
  if (status >= 500) return new AppError('ServiceUnavailable', 503, `${what} failed: ${message}`);
  return new AppError('BadRequest', 400, `${what} failed: ${message}`);
}

const CONNECT_CODES: Record<string, [string, string]> = {
  ECONNREFUSED: ['connection refused', 'Is the API server running and the kubeconfig server URL right?'],
  ENOTFOUND: ['host not found', 'Check the server host name in the kubeconfig and your DNS.'],
  EAI_AGAIN: ['DNS lookup failed', 'Check your DNS.'],
  EHOSTUNREACH: ['host unreachable', 'Check your network path (VPN?) to the cluster.'],
  ENETUNREACH: ['network unreachable', 'Check your network path (VPN?) to the cluster.'],
  ECONNRESET: ['connection reset', 'A proxy or load balancer in between may be dropping the connection.'],
  ETIMEDOUT: ['connection timed out', 'Check your network path (VPN?) to the cluster.'],
};
const CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
]);

function errorCode(err: unknown): string | undefined {
  // node:https errors carry `code`; node-fetch's FetchError carries it too, and `cause` wraps it in undici.
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * The one mapping from anything a Kubernetes call can throw to an AppError: our own errors pass through,
 * client-node's ApiException (body = raw text) goes through fromHttpResponse, socket and TLS failures
 * become ServiceUnavailable with a hint. Anything else is rethrown unchanged so toStatus hides it (500).
 */
export function toKubeError(err: unknown, target: Target, server: string): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof ApiException) {
    const body: unknown = err.body;
    return fromHttpResponse(
      err.code,
      typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
      target,
      server,
    );
  }
  // client-node's Watch reports a non-200 answer as an Error with `statusCode` and no body.
  const statusCode = err instanceof Error ? (err as Error & { statusCode?: unknown }).statusCode : undefined;
  if (typeof statusCode === 'number') return fromHttpResponse(statusCode, '', target, server);
  const code = errorCode(err);
  if (code && code in CONNECT_CODES) {
    const [detail, hint] = CONNECT_CODES[code] as [string, string];
    return new ApiServerUnreachableError(server, detail, hint);
  }
  // client-node runs a user's exec plugin (aws, gke-gcloud-auth-plugin, kubelogin…) with child_process.spawn
  // (@kubernetes/client-node src/exec_auth.ts): a plugin not on PATH fails the spawn with ENOENT.
  const syscall = err instanceof Error ? (err as Error & { syscall?: unknown }).syscall : undefined;
  if (code === 'ENOENT' && typeof syscall === 'string' && syscall.startsWith('spawn')) {
    const command = syscall.replace(/^spawn\s*/, '') || 'the exec plugin';
    return new ApiServerUnreachableError(
      server,
      `the kubeconfig's exec credential plugin "${command}" is not installed on the dashboard's machine`,
      'Install the plugin the kubeconfig user names under `exec.command` (or put it on the PATH of the dashboard process).',
      'exec-plugin',
    );
  }
  if (code && CERT_CODES.has(code)) {
    const detail = err instanceof Error ? err.message : code;
    return new ApiServerUnreachableError(
      server,
      `TLS verification failed (${code}: ${detail})`,
      "The server certificate does not match the kubeconfig's certificate-authority-data or server name.",
      'tls',
    );
  }
  return err;
}
