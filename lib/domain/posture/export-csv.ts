import { csvField } from '@/lib/domain/diff-export';
import type { NodeEvaluation } from './report';

const HEADER = [
  'node',
  'kubelet_version',
  'benchmark',
  'check',
  'level',
  'title',
  'status',
  'value',
  'source',
  'reason',
];

/**
 * One row per node and check (long format: filters and pivot tables work on it); a node whose configz could
 * not be read gets one row with status "unreadable" and why, one not read yet "pending".
 */
export function postureCsv(evaluations: readonly NodeEvaluation[]): string {
  const lines = [HEADER.join(',')];
  const row = (cells: string[]) => lines.push(cells.map(csvField).join(','));
  for (const e of evaluations) {
    if (e.state === 'unreadable')
      row([e.name, e.kubeletVersion, '', '', '', '', 'unreadable', '', '', `${e.reason}: ${e.message}`]);
    else if (e.state === 'pending')
      row([e.name, e.kubeletVersion, '', '', '', '', 'pending', '', '', 'configz not read yet']);
    else
      for (const { check, outcome } of e.posture.results)
        row([
          e.name,
          e.kubeletVersion,
          check.benchmark === 'cis' ? 'CIS' : 'STIG',
          check.id,
          check.level ?? '',
          check.title,
          outcome.status,
          outcome.value,
          outcome.source,
          outcome.note ? `${outcome.reason} (${outcome.note})` : outcome.reason,
        ]);
  }
  return `${lines.join('\r\n')}\r\n`;
}
