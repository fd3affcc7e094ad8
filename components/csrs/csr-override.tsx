'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { CsrDetail } from '@/lib/api/csrs';

/**
 * The override path for a kubelet CSR that fails safety checks, for the legitimate edge cases (a node whose
 * addresses changed, a vendor that names its kubelets differently): it names every failing check with its reason,
 * and the user types the CSR's name to confirm. The request carries the ids of exactly those checks; the server
 * approves only if the re-check fails the same ones, and records the override in the condition's message.
 */
export function CsrOverride({
  csr,
  disabled,
  onApprove,
}: {
  csr: Pick<CsrDetail, 'name' | 'checks'>;
  disabled: boolean;
  onApprove: (failingCheckIds: string[]) => void;
}) {
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const failing = csr.checks.filter((c) => !c.passed);
  if (failing.length === 0) return null;
  const confirmed = typed.trim() === csr.name;
  return (
    <details className="rounded-md border border-red-300 p-3 text-sm dark:border-red-900" data-testid="csr-override">
      <summary className="cursor-pointer font-medium text-red-800 dark:text-red-300">
        Approve anyway, overriding {failing.length} failing check{failing.length === 1 ? '' : 's'}…
      </summary>
      <div className="mt-2 flex flex-col gap-2">
        <p>Approving issues a certificate although these checks fail:</p>
        <ul className="list-disc pl-5" data-testid="csr-override-checks">
          {failing.map((c) => (
            <li key={c.id}>
              <strong>{c.label}</strong>: {c.reason}
            </li>
          ))}
        </ul>
        <p className="text-zinc-600 dark:text-zinc-400">
          Do this only when you know why they fail. The override and the failing checks are recorded in the CSR.
        </p>
        <label htmlFor={inputId} className="text-xs font-medium">
          Type <span className="font-mono">{csr.name}</span> to confirm
        </label>
        <input
          id={inputId}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="h-9 max-w-72 rounded-md border border-zinc-300 bg-white px-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <div>
          <Button
            variant="primary"
            disabled={!confirmed || disabled}
            data-testid="csr-override-approve"
            onClick={() => onApprove(failing.map((c) => c.id))}
          >
            Approve despite {failing.length} failing check{failing.length === 1 ? '' : 's'}
          </Button>
        </div>
      </div>
    </details>
  );
}
