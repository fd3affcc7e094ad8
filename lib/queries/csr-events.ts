'use client';

import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { CsrEventSchema, ResyncSchema, type CsrListResponse, type CsrRow } from '@/lib/api/csrs';
import { pendingCountOptions } from './pending-count';
import { csrKeys } from './keys';
import { watchDown, watchLive, type CsrWatchStatus } from './csr-watch-status';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function upsertRow(list: CsrListResponse, row: CsrRow): CsrListResponse {
  const i = list.items.findIndex((r) => r.name === row.name);
  const items = i === -1 ? [row, ...list.items] : list.items.map((r, j) => (j === i ? row : r));
  return { ...list, items, pendingCount: items.filter((r) => r.state === 'Pending').length };
}

/**
 * Applies watch events to the cached list of `ctx`; detail and badge queries of the CSR are invalidated. Returns
 * the watch's state: a `resync` (the watch ended or could not start) marks it down and re-lists (the server
 * answers the last good list marked stale while the API server fails), `ready` marks it live again.
 */
export function useCsrEvents(ctx: string | undefined): CsrWatchStatus {
  const qc = useQueryClient();
  const [status, setStatus] = useState<CsrWatchStatus>({ state: 'connecting' });
  useEffect(() => {
    if (!ctx) return;
    const source = new EventSource('/api/csrs/events');
    const onCsr = (e: MessageEvent<string>) => {
      const parsed = CsrEventSchema.safeParse(JSON.parse(e.data));
      if (!parsed.success) return;
      const ev = parsed.data;
      qc.setQueryData(csrKeys.list(ctx), (old: CsrListResponse | undefined) => {
        if (!old) return old;
        if (ev.type === 'DELETED') {
          const items = old.items.filter((r) => r.name !== ev.name);
          return { ...old, items, pendingCount: items.filter((r) => r.state === 'Pending').length };
        }
        return upsertRow(old, ev.row);
      });
      const name = ev.type === 'DELETED' ? ev.name : ev.row.name;
      void qc.invalidateQueries({ queryKey: csrKeys.detail(ctx, name) });
      void qc.invalidateQueries({ queryKey: pendingCountOptions(ctx).queryKey });
    };
    const onReady = () => {
      setStatus((s) => watchLive(s, Date.now()));
      void qc.invalidateQueries({ queryKey: csrKeys.list(ctx) });
    };
    const onResync = (e: MessageEvent<string>) => {
      const reason = ResyncSchema.safeParse(parseJson(e.data)).data?.reason ?? 'the watch ended';
      setStatus((s) => watchDown(s, reason, Date.now()));
      void qc.invalidateQueries({ queryKey: csrKeys.list(ctx) });
    };
    // EventSource retries by itself; until then the dashboard server itself is out of reach
    const onError = () =>
      setStatus((s) =>
        s.state === 'down' ? s : watchDown(s, 'lost the connection to the dashboard server', Date.now()),
      );
    source.addEventListener('csr', onCsr);
    source.addEventListener('ready', onReady);
    source.addEventListener('resync', onResync);
    source.addEventListener('error', onError);
    return () => source.close();
  }, [ctx, qc]);
  return status;
}
