import 'server-only';
import type { CsrDetail, CsrRow } from '@/lib/api/csrs';
import { csrState, identifyDecider, type CsrCondition } from '@/lib/domain/csr-approvers';
import { reviewCsr } from '@/lib/domain/csr-checks';
import type { ClusterFacts, CsrVerdict, NodeIndex } from '@/lib/domain/csr-check-core';
import { certificateFindings } from '@/lib/domain/csr-certificate-findings';
import type { DecodeResult } from '@/lib/domain/csr-decode';
import type { ReviewCsrWire } from '@/lib/k8s/csrs';
import { decodeCsrRequestOnce, decodeIssuedCertificateOnce } from './csr-decode-memo';

export interface ReviewedCsr {
  wire: ReviewCsrWire;
  decoded: DecodeResult;
  verdict: CsrVerdict;
  conditions: CsrCondition[];
}

function conditionsOf(wire: ReviewCsrWire): CsrCondition[] {
  return (wire.status?.conditions ?? []).map((c) => ({
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
    lastUpdateTime: c.lastUpdateTime ?? undefined,
    lastTransitionTime: c.lastTransitionTime ?? undefined,
  }));
}

/** Decodes spec.request and runs the checks for one CSR against the cluster's facts. */
export async function reviewWireCsr(wire: ReviewCsrWire, facts: ClusterFacts, index: NodeIndex): Promise<ReviewedCsr> {
  const decoded = await decodeCsrRequestOnce(wire.spec.request);
  const verdict = reviewCsr(
    {
      signerName: wire.spec.signerName,
      username: wire.spec.username ?? '',
      groups: wire.spec.groups ?? [],
      usages: wire.spec.usages ?? [],
      expirationSeconds: wire.spec.expirationSeconds ?? null,
      decoded,
      createdAt: wire.metadata.creationTimestamp ?? null,
    },
    facts,
    index,
  );
  return { wire, decoded, verdict, conditions: conditionsOf(wire) };
}

/** The field manager of the last write through the /approval subresource, when the API server recorded one. */
function approvalManagerOf(wire: ReviewCsrWire): { approvalManager?: string } {
  const entry = (wire.metadata.managedFields ?? []).filter((f) => f.subresource === 'approval').at(-1);
  return entry?.manager ? { approvalManager: entry.manager } : {};
}

/** The list row: what the table shows and what the bulk preview and badges need. */
export function toCsrRow(r: ReviewedCsr, now: Date = new Date()): CsrRow {
  const { wire, verdict } = r;
  const st = csrState(r.conditions, Boolean(wire.status?.certificate));
  const cert = wire.status?.certificate ? decodeIssuedCertificateOnce(wire.status.certificate) : null;
  return {
    name: wire.metadata.name,
    resourceVersion: wire.metadata.resourceVersion ?? '',
    createdAt: wire.metadata.creationTimestamp ?? null,
    signerName: wire.spec.signerName,
    family: verdict.family,
    username: wire.spec.username ?? '',
    groups: wire.spec.groups ?? [],
    nodeName: verdict.nodeName,
    usages: wire.spec.usages ?? [],
    expirationSeconds: wire.spec.expirationSeconds ?? null,
    state: st.state,
    stateLabel: st.label,
    issued: st.issued,
    decider: identifyDecider(r.conditions, {
      signerName: wire.spec.signerName,
      ...approvalManagerOf(wire),
    }),
    checksPassed: verdict.checks.filter((c) => c.passed).length,
    checksTotal: verdict.checks.length,
    failingChecks: verdict.checks.filter((c) => !c.passed),
    allPassed: verdict.allPassed,
    // only a pending CSR can be part of a bulk approval
    bulkEligible: verdict.bulkEligible && st.state === 'Pending',
    needsExtraConfirmation: verdict.needsExtraConfirmation,
    certificateFindings: cert?.ok
      ? certificateFindings(cert.certificate, wire.spec.expirationSeconds ?? null, now)
      : [],
  };
}

/** The detail: the row plus every check, the decoded request and the issued certificate. */
export function toCsrDetail(r: ReviewedCsr, now: Date = new Date()): CsrDetail {
  const cert = r.wire.status?.certificate ? decodeIssuedCertificateOnce(r.wire.status.certificate) : null;
  return {
    ...toCsrRow(r, now),
    checks: r.verdict.checks,
    request: r.decoded.ok ? r.decoded.request : null,
    requestError: r.decoded.ok ? null : r.decoded.error,
    certificate: cert?.ok ? cert.certificate : null,
    certificateError: cert && !cert.ok ? cert.error : null,
    conditions: r.conditions.map((c) => ({
      type: c.type,
      status: c.status,
      reason: c.reason,
      message: c.message,
      lastUpdateTime: c.lastUpdateTime ?? c.lastTransitionTime,
    })),
  };
}
