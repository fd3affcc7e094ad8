import 'server-only';
import { ApiException, type V1CertificateSigningRequest } from '@kubernetes/client-node';
import { z } from 'zod';
import type { BulkApproveResponse, BulkItemResult, DecisionResult } from '@/lib/api/csrs';
import { csrState, decisionCondition, identifyDecider } from '@/lib/domain/csr-approvers';
import type { ClusterFacts, NodeIndex } from '@/lib/domain/csr-check-core';
import { AppError, NotFoundError } from '@/lib/errors';
import { log } from '@/lib/observability/log';
import { whoAmI } from '@/lib/k8s/access-review';
import type { Kube } from '@/lib/k8s/client';
import { reviewWireCsr, type ReviewCsrWire, type ReviewedCsr } from './csr-reshape';
import { clusterFacts } from './csr-review';
import { toKubeError } from '@/lib/k8s/errors';
import { observeApiCall } from '@/lib/observability/prometheus';

/**
 * Approving and denying through the `/approval` subresource, safely: re-read the CSR, refuse if it changed since
 * the user reviewed it or was decided meanwhile, re-run the checks, then PUT with the reviewed resourceVersion so
 * any change in between is a 409 from the API server. Nothing is ever retried blindly. One audit line per decision.
 */

export interface DecideInput {
  name: string;
  decision: 'approve' | 'deny';
  /** the resourceVersion the user reviewed; undefined only for the bench, which reviews nothing */
  resourceVersion?: string;
  /** the reviewer's reason (required for deny by the route's schema) */
  note?: string;
  confirmOtherSigner?: boolean;
}

export interface DecideOptions {
  /** precomputed facts and identity (bulk computes them once) */
  cluster?: { facts: ClusterFacts; index: NodeIndex };
  identity?: string;
  source?: 'single' | 'bulk';
  now?: () => Date;
}

export class CsrConflictError extends AppError {
  constructor(message: string) {
    super('Conflict', 409, message, 'Reload the CSR, review it again, and decide on what it says now.');
  }
}

export class ChecksFailedError extends AppError {
  constructor(message: string) {
    super('Invalid', 422, message);
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

export interface AuditRecord {
  audit: 'csr-decision';
  context: string;
  identity: string;
  source: 'single' | 'bulk';
  csr: string;
  signer: string | null;
  requester: string | null;
  reviewedResourceVersion: string | null;
  decision: 'approve' | 'deny';
  outcome: 'written' | 'refused' | 'failed';
  detail: string;
  checks: { id: string; passed: boolean; reason: string }[];
}

/** One JSON line per decision on the server log (pino on stdout adds `time`), whatever its outcome. */
function audit(rec: AuditRecord): void {
  log.info(rec, `csr ${rec.decision} ${rec.csr}: ${rec.outcome}`);
}

/** Approve or deny one CSR. Throws AppError (409 conflict/already decided, 404 deleted, 422 checks, 403 cluster). */
export async function decideCsr(kube: Kube, input: DecideInput, opts: DecideOptions = {}): Promise<DecisionResult> {
  const now = opts.now ?? (() => new Date());
  const identity = opts.identity ?? (await whoAmI(kube));
  const api = kube.certificates();
  let reviewed: ReviewedCsr | null = null;
  const base = {
    audit: 'csr-decision' as const,
    context: kube.context,
    identity,
    source: opts.source ?? 'single',
    csr: input.name,
    reviewedResourceVersion: input.resourceVersion ?? null,
    decision: input.decision,
  };
  const record = (outcome: AuditRecord['outcome'], detail: string) =>
    audit({
      ...base,
      outcome,
      detail,
      signer: reviewed?.wire.spec.signerName ?? null,
      requester: reviewed?.wire.spec.username ?? null,
      checks: reviewed?.verdict.checks.map((c) => ({ id: c.id, passed: c.passed, reason: c.reason })) ?? [],
    });

  try {
    let obj: V1CertificateSigningRequest;
    try {
      obj = await api.readCertificateSigningRequest({ name: input.name });
    } catch (err) {
      throw toDecisionError(err, kube, input.name, null);
    }
    const cluster = opts.cluster ?? (await clusterFacts(kube));
    reviewed = await reviewWireCsr(typedToWire(obj, input.name), cluster.facts, cluster.index);
    const current = obj.metadata?.resourceVersion ?? '';
    if (input.resourceVersion !== undefined && current !== input.resourceVersion)
      throw new CsrConflictError(
        `CSR ${input.name} changed since you reviewed it (resourceVersion ${input.resourceVersion} → ${current}); nothing was written.`,
      );
    const state = csrState(reviewed.conditions, Boolean(obj.status?.certificate));
    if (state.state !== 'Pending') {
      const by = identifyDecider(reviewed.conditions);
      throw new CsrConflictError(
        `CSR ${input.name} is already ${state.label}${by ? ` (by ${by.label}${by.identity ? `: ${by.identity}` : ''})` : ''}; nothing was written.`,
      );
    }
    const { verdict } = reviewed;
    const passed = verdict.checks.filter((c) => c.passed).length;
    if (input.decision === 'approve') {
      if (verdict.needsExtraConfirmation && !input.confirmOtherSigner)
        throw new ChecksFailedError(
          `CSR ${input.name} is for signer ${obj.spec.signerName}, which the dashboard cannot judge: approving it needs an explicit confirmation.`,
        );
      if (!verdict.needsExtraConfirmation && !verdict.allPassed) {
        const failing = verdict.checks.filter((c) => !c.passed).map((c) => `${c.label}: ${c.reason}`);
        throw new ChecksFailedError(
          `Approval refused: ${failing.length} of ${verdict.checks.length} checks fail on re-check (${failing.join('; ')}).`,
        );
      }
    }
    const cond = decisionCondition({
      decision: input.decision,
      identity,
      context: kube.context,
      checksPassed: passed,
      checksTotal: verdict.checks.length,
      note: input.note,
      nowIso: now().toISOString(),
    });
    obj.status = obj.status ?? {};
    obj.status.conditions = [
      ...(obj.status.conditions ?? []),
      { ...cond, lastUpdateTime: new Date(cond.lastUpdateTime), lastTransitionTime: new Date(cond.lastTransitionTime) },
    ];
    let written: V1CertificateSigningRequest;
    try {
      // obj still carries the resourceVersion we just compared: a change since is a 409, never overwritten
      written = await observeApiCall('certificatesigningrequests.certificates.k8s.io.approval.update', () =>
        api.replaceCertificateSigningRequestApproval({ name: input.name, body: obj }),
      );
    } catch (err) {
      throw toDecisionError(err, kube, input.name, obj.spec.signerName);
    }
    record('written', cond.message);
    return {
      name: input.name,
      decision: cond.type as 'Approved' | 'Denied',
      resourceVersion: written.metadata?.resourceVersion ?? '',
      message: cond.message,
    };
  } catch (err) {
    const e = err instanceof AppError ? err : null;
    record(e && [404, 409, 422].includes(e.code) ? 'refused' : 'failed', e?.message ?? 'internal error');
    throw err;
  }
}

/** Runs `fn` over `items` with at most `concurrency` in flight, keeping input order in the results. */
export async function mapLimited<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

/**
 * Approves each CSR if, on re-read, it is unchanged, still pending, and passes every check (other signers are
 * refused: they need an explicit per-CSR confirmation). At most `concurrency` requests in flight (default 10).
 * Cluster facts and identity are read once. Every CSR gets its own result; one failure never stops the rest.
 * Exported for `npm run bench` (1,000 CSRs).
 */
export async function bulkApprove(
  kube: Kube,
  items: readonly (string | { name: string; resourceVersion?: string })[],
  opts: { concurrency?: number; now?: () => Date } = {},
): Promise<BulkApproveResponse> {
  const [cluster, identity] = await Promise.all([clusterFacts(kube), whoAmI(kube)]);
  const results = await mapLimited(items, opts.concurrency ?? 10, async (item): Promise<BulkItemResult> => {
    const { name, resourceVersion } = typeof item === 'string' ? { name: item, resourceVersion: undefined } : item;
    try {
      const r = await decideCsr(
        kube,
        { name, resourceVersion, decision: 'approve' },
        { cluster, identity, source: 'bulk', now: opts.now },
      );
      return { name, outcome: 'approved', code: 200, message: r.message };
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError('InternalError', 500, 'internal error');
      if (!(err instanceof AppError)) log.error({ err, csr: name }, 'bulk approve failed');
      return {
        name,
        outcome: [404, 409, 422].includes(e.code) ? 'refused' : 'failed',
        code: e.code,
        message: e.message,
      };
    }
  });
  return {
    results,
    approved: results.filter((r) => r.outcome === 'approved').length,
    refused: results.filter((r) => r.outcome === 'refused').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
  };
}
