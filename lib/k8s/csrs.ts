import 'server-only';
import { ApiException, CertificatesV1Api, Watch, type V1CertificateSigningRequest } from '@kubernetes/client-node';
import { z } from 'zod';
import { AppError, NotFoundError } from '@/lib/errors';
import { observeApiCall } from '@/lib/observability/prometheus';
import { kubeConfigOf, type Kube } from './client';
import { toKubeError, type Target } from './errors';
import { forEachPage } from './list';
import { listOf } from './schemas';
import { apiRequestOptions, getJson, withQuery } from './transport';

/**
 * certificates.k8s.io/v1 CertificateSigningRequests on the wire: list, get, watch, and the decision written
 * through the `/approval` subresource. What a CSR means (decoding, checks, state) is lib/domain's and
 * lib/server's business; this module only moves CSRs and maps the cluster's errors.
 */

/**
 * A CSR as we read it from the wire (list, get, watch). Only the fields the review uses; unknown fields are
 * ignored so new API fields never break parsing.
 */
const ReviewCsrWireSchema = z.object({
  metadata: z.object({
    name: z.string(),
    uid: z.string().optional(),
    resourceVersion: z.string().optional(),
    creationTimestamp: z.string().optional(),
    /** who wrote what: the entry written through /approval names the approver's field manager */
    managedFields: z.array(z.object({ manager: z.string().optional(), subresource: z.string().optional() })).nullish(),
  }),
  spec: z.object({
    signerName: z.string(),
    request: z.string(),
    username: z.string().optional(),
    groups: z.array(z.string()).nullish(),
    usages: z.array(z.string()).nullish(),
    expirationSeconds: z.number().nullish(),
  }),
  status: z
    .object({
      conditions: z
        .array(
          z.object({
            type: z.string(),
            status: z.string().optional(),
            reason: z.string().optional(),
            message: z.string().optional(),
            lastUpdateTime: z.string().nullish(),
            lastTransitionTime: z.string().nullish(),
          }),
        )
        .nullish(),
      certificate: z.string().nullish(),
    })
    .nullish(),
});
export type ReviewCsrWire = z.infer<typeof ReviewCsrWireSchema>;

const CSR_PATH = '/apis/certificates.k8s.io/v1/certificatesigningrequests';
const csrTarget = (name?: string): Target => ({
  kind: 'api',
  verb: name ? 'get' : 'list',
  resource: 'certificatesigningrequests',
  group: 'certificates.k8s.io',
  name,
});

/** Every CSR, page by page, and the list's resourceVersion. */
export async function listCsrWire(kube: Kube): Promise<{ items: ReviewCsrWire[]; resourceVersion: string }> {
  const items: ReviewCsrWire[] = [];
  const { resourceVersion } = await forEachPage(kube, CSR_PATH, ReviewCsrWireSchema, csrTarget(), {}, (page) =>
    items.push(...page),
  );
  return { items, resourceVersion: resourceVersion ?? '' };
}

export async function getCsrWire(kube: Kube, name: string): Promise<ReviewCsrWire> {
  try {
    return await getJson(
      kube,
      `${CSR_PATH}/${encodeURIComponent(name)}`,
      ReviewCsrWireSchema,
      csrTarget(name),
      apiRequestOptions(),
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 404) throw new NotFoundError('CertificateSigningRequest', name);
    throw err;
  }
}

/** The CSR collection's current resourceVersion, to start a watch from "now" (a one-item page is enough). */
export async function currentCsrResourceVersion(kube: Kube): Promise<string> {
  const page = await getJson(
    kube,
    withQuery(CSR_PATH, { limit: 1 }),
    listOf(z.unknown()),
    csrTarget(),
    apiRequestOptions(),
  );
  return page.metadata?.resourceVersion ?? '';
}

export type CsrWatchEvent =
  | { type: 'ADDED' | 'MODIFIED'; csr: ReviewCsrWire }
  | { type: 'DELETED'; name: string }
  /** the apiserver ended the watch with a Status (410 Gone: the resourceVersion is too old) */
  | { type: 'ERROR' };

/**
 * Watches CSRs from `resourceVersion` (with bookmarks, which are not passed on). Objects that do not parse are
 * skipped. `onDone` runs when the watch ends: the server's timeout (no error) or a failure. Returns a stop function.
 */
export async function watchCsrWire(
  kube: Kube,
  opts: { resourceVersion: string; onEvent: (e: CsrWatchEvent) => void; onDone: (err?: unknown) => void },
): Promise<() => void> {
  // counted when the watch is established (its events are not requests)
  const controller = await observeApiCall('certificatesigningrequests.certificates.k8s.io.watch', () =>
    new Watch(kubeConfigOf(kube)).watch(
      CSR_PATH,
      { resourceVersion: opts.resourceVersion, allowWatchBookmarks: true },
      (type: string, obj: unknown) => {
        if (type === 'ERROR') return opts.onEvent({ type: 'ERROR' });
        if (type === 'BOOKMARK') return;
        const parsed = ReviewCsrWireSchema.safeParse(obj);
        if (!parsed.success) return;
        if (type === 'DELETED') return opts.onEvent({ type: 'DELETED', name: parsed.data.metadata.name });
        if (type === 'ADDED' || type === 'MODIFIED') opts.onEvent({ type, csr: parsed.data });
      },
      (err: unknown) => opts.onDone(err ?? undefined),
    ),
  );
  return () => controller.abort();
}

export class CsrConflictError extends AppError {
  constructor(message: string) {
    super('Conflict', 409, message, 'Reload the CSR, review it again, and decide on what it says now.');
  }
}

const WireStatusMessage = z.object({ message: z.string().optional() });

/** The cluster's own words from an ApiException body (a meta/v1 Status), else its raw text. */
function clusterMessage(err: ApiException<unknown>): string {
  const body = typeof err.body === 'string' ? err.body : JSON.stringify(err.body ?? '');
  try {
    const parsed = WireStatusMessage.safeParse(JSON.parse(body));
    if (parsed.success && parsed.data.message) return parsed.data.message;
  } catch {
    // not JSON
  }
  return body.trim().slice(0, 500) || `HTTP ${err.code}`;
}

/** Maps a failed read or write of the CSR: 403 as the cluster said it, 404 deleted, 409 changed meanwhile. */
function toDecisionError(err: unknown, kube: Kube, name: string, signer: string | null): unknown {
  if (err instanceof ApiException) {
    const msg = clusterMessage(err);
    if (err.code === 403)
      return new AppError(
        'Forbidden',
        403,
        msg,
        `Deciding needs "update certificatesigningrequests/approval" and "approve signers"${signer ? ` on ${signer}` : ''}.`,
      );
    if (err.code === 404) return new NotFoundError('CertificateSigningRequest', name);
    if (err.code === 409)
      return new CsrConflictError(
        `CSR ${name} changed since you reviewed it; nothing was written. The cluster said: ${msg}`,
      );
  }
  return toKubeError(
    err,
    { kind: 'api', verb: 'get', resource: 'certificatesigningrequests', group: 'certificates.k8s.io', name },
    kube.server,
  );
}

/** The typed object client-node returns, as the plain wire shape the review functions read. */
function typedToWire(obj: V1CertificateSigningRequest, name: string): ReviewCsrWire {
  return {
    metadata: {
      name: obj.metadata?.name ?? name,
      uid: obj.metadata?.uid,
      resourceVersion: obj.metadata?.resourceVersion,
      creationTimestamp: obj.metadata?.creationTimestamp
        ? new Date(obj.metadata.creationTimestamp).toISOString()
        : undefined,
    },
    spec: {
      signerName: obj.spec.signerName,
      request: obj.spec.request,
      username: obj.spec.username,
      groups: obj.spec.groups,
      usages: obj.spec.usages,
      expirationSeconds: obj.spec.expirationSeconds,
    },
    status: {
      conditions: (obj.status?.conditions ?? []).map((c) => ({
        type: c.type,
        status: c.status,
        reason: c.reason,
        message: c.message,
      })),
      certificate: obj.status?.certificate,
    },
  };
}

/** client-node's typed client, for the /approval subresource (a PUT the transport does not send). */
const certificatesApi = (kube: Kube) => kubeConfigOf(kube).makeApiClient(CertificatesV1Api);

/** The objects read for a decision, by the wire shape handed out: the write sends back exactly what was read. */
const readForDecision = new WeakMap<ReviewCsrWire, V1CertificateSigningRequest>();

/** Reads the CSR a decision is about (403 as the cluster said it, 404 NotFound). */
export async function readCsrForDecision(kube: Kube, name: string): Promise<ReviewCsrWire> {
  try {
    const obj = await certificatesApi(kube).readCertificateSigningRequest({ name });
    const wire = typedToWire(obj, name);
    readForDecision.set(wire, obj);
    return wire;
  } catch (err) {
    throw toDecisionError(err, kube, name, null);
  }
}

export interface DecisionConditionWire {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
}

/**
 * Appends `condition` to the CSR read by readCsrForDecision and PUTs it to `/approval` with the resourceVersion
 * that was read, so any change in between is a 409 from the API server, never overwritten. Returns the new
 * resourceVersion.
 */
export async function writeCsrDecision(
  kube: Kube,
  csr: ReviewCsrWire,
  condition: DecisionConditionWire,
): Promise<string> {
  const obj = readForDecision.get(csr);
  if (!obj) throw new AppError('InternalError', 500, 'a CSR decision must be written on the object read for it');
  const body: V1CertificateSigningRequest = {
    ...obj,
    status: {
      ...obj.status,
      conditions: [
        ...(obj.status?.conditions ?? []),
        {
          ...condition,
          lastUpdateTime: new Date(condition.lastUpdateTime),
          lastTransitionTime: new Date(condition.lastTransitionTime),
        },
      ],
    },
  };
  try {
    const written = await observeApiCall('certificatesigningrequests.certificates.k8s.io.approval.update', () =>
      certificatesApi(kube).replaceCertificateSigningRequestApproval({ name: csr.metadata.name, body }),
    );
    return written.metadata?.resourceVersion ?? '';
  } catch (err) {
    throw toDecisionError(err, kube, csr.metadata.name, obj.spec.signerName);
  }
}
