'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { BENCHMARKS, qualifiedId } from '@/lib/domain/posture/catalog';
import { evaluateNode, type NodePosture } from '@/lib/domain/posture/evaluate';
import type { CheckStatus } from '@/lib/domain/posture/types';
import { RemediationView } from './remediation';
import { PostureStatusBadge } from './status-badge';

const ORDER: Record<CheckStatus, number> = { fail: 0, unknown: 1, pass: 2, 'n/a': 3 };

function CheckRow({ result }: { result: NodePosture['results'][number] }) {
  const { check, outcome } = result;
  return (
    <li data-check={check.id} data-status={outcome.status} className="flex flex-col gap-1 px-3 py-2 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <PostureStatusBadge status={outcome.status} />
        <Link
          prefetch={false}
          href={`/posture?check=${encodeURIComponent(check.id)}`}
          className="font-mono text-xs text-sky-700 hover:underline dark:text-sky-400"
          title="This check across the fleet"
        >
          {qualifiedId(check)}
        </Link>
        <span className="font-medium">{check.title}</span>
        {check.level && <span className="text-xs text-zinc-500">{check.level}</span>}
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        <span className="font-mono text-zinc-900 dark:text-zinc-100" data-testid="posture-value">
          {outcome.value}
        </span>
        {' — '}
        {outcome.reason}
      </p>
      {outcome.note && <p className="text-xs text-zinc-500">Value: {outcome.note}.</p>}
      {outcome.status !== 'pass' && outcome.status !== 'n/a' && (
        <details className="text-xs">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">
            How to fix{check.fields.length > 0 ? ` (${check.fields.join(', ')})` : ''}
          </summary>
          <div className="mt-2">
            <RemediationView remediation={check.remediation} />
          </div>
        </details>
      )}
    </li>
  );
}

/**
 * The node page's posture section: every check on this kubelet's effective configuration. Computed in the
 * browser from the configz the page already has (the same pure function as the fleet report), so it costs no
 * extra kubelet read and always agrees with /posture.
 */
export function NodePostureView({
  config,
  kubeletVersion,
  roles,
}: {
  config: Record<string, unknown>;
  kubeletVersion: string | undefined;
  roles: readonly string[];
}) {
  const posture = useMemo(() => evaluateNode({ config, kubeletVersion, roles }), [config, kubeletVersion, roles]);
  const decided = posture.results
    .filter((r) => r.check.decidable)
    .sort((a, b) => ORDER[a.outcome.status] - ORDER[b.outcome.status]);
  const hostOnly = posture.results.filter((r) => !r.check.decidable);
  const { counts, notInConfigz } = posture;
  const version =
    posture.minorSource === 'node'
      ? `v1.${posture.minor} defaults`
      : posture.minorSource === 'config'
        ? `v1.${posture.minor} defaults (version implied by configz fields)`
        : `v1.${posture.minor} defaults (kubelet version unknown)`;
  return (
    <div className="flex flex-col gap-3" data-testid="node-posture">
      <p className="text-sm" data-testid="posture-counts">
        <span className="font-semibold text-red-700 dark:text-red-300">{counts.fail} failing</span> ·{' '}
        <span className="text-amber-800 dark:text-amber-300">{counts.unknown} unknown</span> · {counts.pass} passing ·{' '}
        {counts['n/a']} n/a · {notInConfigz} need the node itself
        <span className="text-xs text-zinc-500">
          {' '}
          — {BENCHMARKS.cis.name} {BENCHMARKS.cis.version} §4 and {BENCHMARKS.stig.name} kubelet rules, on the effective
          config with {version}.{' '}
          <Link prefetch={false} href="/posture" className="text-sky-700 hover:underline dark:text-sky-400">
            Fleet posture
          </Link>
        </span>
      </p>
      <ul
        aria-label="Posture checks"
        className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
      >
        {decided.map((r) => (
          <CheckRow key={r.check.id} result={r} />
        ))}
      </ul>
      <details className="text-sm" data-testid="posture-host-checks">
        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">
          {hostOnly.length} checks configz cannot answer (file permissions on the node, flags without a config field)
        </summary>
        <ul className="mt-2 divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {hostOnly.map((r) => (
            <CheckRow key={r.check.id} result={r} />
          ))}
        </ul>
      </details>
    </div>
  );
}
