import 'server-only';
import type { BulkApproveResponse, BulkItemResult, DecisionResult } from '@/lib/api/csrs';
import { csrState, decisionCondition, identifyDecider } from '@/lib/domain/csr-approvers';
import type { ClusterFacts, NodeIndex } from '@/lib/domain/csr-check-core';
import { AppError } from '@/lib/errors';
import { mapBounded } from '@/lib/fleet/limiter';
import { whoAmI } from '@/lib/k8s/access-review';
import type { Kube } from '@/lib/k8s/client';
import { CsrConflictError, readCsrForDecision, writeCsrDecision } from '@/lib/k8s/csrs';
import { log } from '@/lib/observability/log';
import { reviewWireCsr, type ReviewedCsr } from './csr-reshape';
import { clusterFacts } from './csr-review';

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

class ChecksFailedError extends AppError {
  constructor(message: string) {
    super('Invalid', 422, message);
  }
}

interface AuditRecord {
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
    const wire = await readCsrForDecision(kube, input.name);
    const cluster = opts.cluster ?? (await clusterFacts(kube));
    reviewed = await reviewWireCsr(wire, cluster.facts, cluster.index);
    const current = wire.metadata.resourceVersion ?? '';
    if (input.resourceVersion !== undefined && current !== input.resourceVersion)
      throw new CsrConflictError(
        `CSR ${input.name} changed since you reviewed it (resourceVersion ${input.resourceVersion} → ${current}); nothing was written.`,
      );
    const state = csrState(reviewed.conditions, Boolean(wire.status?.certificate));
    if (state.state !== 'Pending') {
      const by = identifyDecider(reviewed.conditions, { signerName: wire.spec.signerName });
      throw new CsrConflictError(
        `CSR ${input.name} is already ${state.label}${by ? ` (by ${by.label}${by.identity ? `: ${by.identity}` : ''})` : ''}; nothing was written.`,
      );
    }
    const { verdict } = reviewed;
    const passed = verdict.checks.filter((c) => c.passed).length;
    if (input.decision === 'approve') {
      if (verdict.needsExtraConfirmation && !input.confirmOtherSigner)
        throw new ChecksFailedError(
          `CSR ${input.name} is for signer ${wire.spec.signerName}, which the dashboard cannot judge: approving it needs an explicit confirmation.`,
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
    // written with the resourceVersion just compared: a change since is a 409, never overwritten
    const resourceVersion = await writeCsrDecision(kube, wire, cond);
    record('written', cond.message);
    return {
      name: input.name,
      decision: cond.type as 'Approved' | 'Denied',
      resourceVersion,
      message: cond.message,
    };
  } catch (err) {
    const e = err instanceof AppError ? err : null;
    record(e && [404, 409, 422].includes(e.code) ? 'refused' : 'failed', e?.message ?? 'internal error');
    throw err;
  }
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
  const results = await mapBounded(items, opts.concurrency ?? 10, async (item): Promise<BulkItemResult> => {
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
