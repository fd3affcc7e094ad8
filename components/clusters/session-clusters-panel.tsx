'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { useClock } from '@/components/use-clock';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AddedCluster } from '@/lib/api/session-clusters';
import { AppError } from '@/lib/app-error';
import { useAddSessionCluster, useRemoveSessionCluster, useSessionClusters } from '@/lib/queries/session-clusters';
import { describeError } from '@/lib/view/error-help';

function Problem({ error, what }: { error: unknown; what: string }) {
  const message = error instanceof AppError ? error.message : `${what} failed.`;
  const hint = error instanceof AppError ? error.hint : undefined;
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
    >
      <p className="font-medium">{message}</p>
      {hint && <p className="mt-1 text-xs">{hint}</p>}
    </div>
  );
}

function AddedTable({ added }: { added: readonly AddedCluster[] }) {
  const remove = useRemoveSessionCluster();
  const clock = useClock(); // not toLocaleTimeString(): the server's zone is not the viewer's (React #418)
  if (added.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">None added yet.</p>;
  return (
    <>
      <Table data-testid="session-clusters">
        <TableHeader>
          <TableRow>
            <TableHead>cluster</TableHead>
            <TableHead>you are (as that cluster says)</TableHead>
            <TableHead>added</TableHead>
            <TableHead>
              <span className="sr-only">actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {added.map((c) => (
            <TableRow key={c.name} data-testid={`session-cluster-${c.name}`}>
              <TableCell className="font-mono">
                {c.name}
                <span className="block text-xs text-zinc-500">{c.server}</span>
              </TableCell>
              <TableCell>
                <span className="font-mono" data-testid="session-cluster-user">
                  {c.user}
                </span>
                {c.groups.length > 0 && (
                  <span className="block text-xs text-zinc-500">groups: {c.groups.join(', ')}</span>
                )}
                <span className="block text-xs text-zinc-500">checked by {c.verifiedBy}</span>
              </TableCell>
              <TableCell className="text-xs whitespace-nowrap">
                {clock(new Date(c.addedAt * 1000).toISOString())}
                <span className="block text-zinc-500">
                  until {clock(new Date(c.expiresAt * 1000).toISOString())} (end of sign-in)
                </span>
              </TableCell>
              <TableCell className="text-right">
                <Button
                  size="sm"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(c.name)}
                  aria-label={`Remove ${c.name} from your session`}
                >
                  Remove
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {remove.isError && <Problem error={remove.error} what="Removing the cluster" />}
    </>
  );
}

function AddForm({ choices, full }: { choices: ReadonlyArray<{ name: string; server: string }>; full: boolean }) {
  const id = useId();
  const [cluster, setCluster] = useState('');
  const [token, setToken] = useState('');
  const add = useAddSessionCluster();
  const picked = choices.some((c) => c.name === cluster) ? cluster : (choices[0]?.name ?? '');
  if (choices.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">Every cluster on the list is in your session.</p>;
  if (full)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Your session holds as many clusters as it can keep; remove one to add another.
      </p>
    );
  return (
    <form
      className="space-y-3"
      aria-describedby={`${id}-help`}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ cluster: picked, token }, { onSuccess: () => setToken('') });
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Cluster" value={picked} onChange={(e) => setCluster(e.target.value)}>
          {choices.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name} ({c.server})
            </option>
          ))}
        </SelectField>
        <TextField
          label={`Your token for ${picked}`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={token}
          onChange={(e) => setToken(e.target.value)}
          className="w-80 font-mono"
        />
        <Button type="submit" variant="primary" disabled={add.isPending || token.trim() === ''}>
          {add.isPending ? 'Checking…' : 'Add cluster'}
        </Button>
      </div>
      <p id={`${id}-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
        The token is checked with that cluster (SelfSubjectReview) and kept only in an encrypted, HttpOnly cookie of
        this sign-in; every request to that cluster is made with it. Other users never see the cluster or the token.
      </p>
      <div role="status" className="text-sm">
        {add.isSuccess && !add.isPending && `Added ${add.variables.cluster}.`}
      </div>
      {add.isError && <Problem error={add.error} what="Adding the cluster" />}
    </form>
  );
}

/**
 * Shared mode: the clusters this user added to their session, and the form to add one of those the operator
 * lists (KD_SHARED_CLUSTERS_FILE) with their own token. They then appear in the overview below, the context
 * picker and compare, for this user only.
 */
export function SessionClustersPanel() {
  const q = useSessionClusters();
  return (
    <section aria-labelledby="session-clusters-title" className="mb-6 space-y-3">
      <h2 id="session-clusters-title" className="text-base font-semibold">
        Clusters in your session
      </h2>
      {q.isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : q.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {describeError(q.error, 'the session').message}
        </p>
      ) : !q.data.enabled ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="session-clusters-disabled">
          This dashboard lists no other clusters to add: its operator has not set KD_SHARED_CLUSTERS_FILE.
        </p>
      ) : (
        <>
          <AddedTable added={q.data.added} />
          <AddForm
            choices={q.data.available.filter((a) => !q.data.added.some((c) => c.name === a.name))}
            full={q.data.added.length >= q.data.maxClusters}
          />
        </>
      )}
    </section>
  );
}
