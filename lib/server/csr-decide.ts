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
  /** approve a failing CSR anyway: the ids of the failing checks the user confirmed (must match the re-check) */
  overrideFailingChecks?: readonly string[];
  /** deny only if the re-check still fails a check (bulk "deny all failing": a CSR that now passes is refused) */
  onlyIfFailing?: boolean;
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
  /** the failing checks the user overrode, when approving a failing CSR */
  overridden?: string[];
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
  let overridden: string[] | undefined;
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
      ...(overridden ? { overridden } : {}),
    });

  try {
    const wire = await readCsrForDecision(kube, input.name);
    const cluster = opts.cluster ?? (await clusterFacts(kube, { fresh: true }));
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
        const failingChecks = verdict.checks.filter((c) => !c.passed);
        const failing = failingChecks.map((c) => `${c.label}: ${c.reason}`);
        if (!input.overrideFailingChecks)
          throw new ChecksFailedError(
            `Approval refused: ${failing.length} of ${verdict.checks.length} checks fail on re-check (${failing.join('; ')}).`,
          );
        // the override covers exactly what the user saw failing: a check that fails now and was not confirmed
        // (or one confirmed that no longer fails) means the CSR is not the one reviewed
        if (
          !sameIds(
            input.overrideFailingChecks,
            failingChecks.map((c) => c.id),
          )
        )
          throw new ChecksFailedError(
            `Override refused: the checks failing on re-check (${failingChecks.map((c) => c.id).join(', ')}) are not the ones you confirmed (${input.overrideFailingChecks.join(', ')}); review the CSR again.`,
          );
        overridden = failingChecks.map((c) => c.label);
      }
    } else if (input.onlyIfFailing && verdict.allPassed) {
      throw new ChecksFailedError(
        `CSR ${input.name} now passes every check; it was left out of "deny all failing". Decide it on its own page.`,
      );
    }
    const cond = decisionCondition({
      decision: input.decision,
      identity,
      context: kube.context,
      checksPassed: passed,
      checksTotal: verdict.checks.length,
      note: overridden ? `override: approved despite failing ${overridden.join(', ')}` : input.note,
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

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Approves each CSR if, on re-read, it is unchanged, still pending, and passes every check (other signers are
 * refused: they need an explicit per-CSR confirmation). At most `concurrency` requests in flight (default 10).
 * Cluster facts and identity are read once. Every CSR gets its own result; one failure never stops the rest.
 * Exported for `npm run bench` (1,000 CSRs).
 */
export function bulkApprove(
  kube: Kube,
  items: readonly (string | { name: string; resourceVersion?: string })[],
  opts: { concurrency?: number; now?: () => Date } = {},
): Promise<BulkApproveResponse> {
  return bulkDecide(kube, items, { decision: 'approve' }, opts);
}

/**
 * "Deny all failing": denies each CSR with the one reason if, on re-read, it is unchanged, still pending and still
 * fails a check; one that now passes every check is refused (it is no longer what the preview showed).
 */
export function bulkDeny(
  kube: Kube,
  items: readonly { name: string; resourceVersion: string }[],
  reason: string,
  opts: { concurrency?: number; now?: () => Date } = {},
): Promise<BulkApproveResponse> {
  return bulkDecide(kube, items, { decision: 'deny', note: reason, onlyIfFailing: true }, opts);
}

async function bulkDecide(
  kube: Kube,
  items: readonly (string | { name: string; resourceVersion?: string })[],
  decision: Pick<DecideInput, 'decision' | 'note' | 'onlyIfFailing'>,
  opts: { concurrency?: number; now?: () => Date },
): Promise<BulkApproveResponse> {
  const [cluster, identity] = await Promise.all([clusterFacts(kube, { fresh: true }), whoAmI(kube)]);
  const done = decision.decision === 'approve' ? 'approved' : 'denied';
  const results = await mapBounded(items, opts.concurrency ?? 10, async (item): Promise<BulkItemResult> => {
    const { name, resourceVersion } = typeof item === 'string' ? { name: item, resourceVersion: undefined } : item;
    try {
      const r = await decideCsr(
        kube,
        { name, resourceVersion, ...decision },
        { cluster, identity, source: 'bulk', now: opts.now },
      );
      return { name, outcome: done, code: 200, message: r.message };
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError('InternalError', 500, 'internal error');
      if (!(err instanceof AppError)) log.error({ err, csr: name }, `bulk ${decision.decision} failed`);
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
    denied: results.filter((r) => r.outcome === 'denied').length,
    refused: results.filter((r) => r.outcome === 'refused').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
  };
}
