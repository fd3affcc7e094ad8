'use client';

import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { CsrEventSchema, type CsrListResponse, type CsrRow } from '@/lib/api/csrs';
import { pendingCountOptions } from './pending-count';
import { csrKeys } from './keys';

function upsertRow(list: CsrListResponse, row: CsrRow): CsrListResponse {
  const i = list.items.findIndex((r) => r.name === row.name);
  const items = i === -1 ? [row, ...list.items] : list.items.map((r, j) => (j === i ? row : r));
  return { ...list, items, pendingCount: items.filter((r) => r.state === 'Pending').length };
}

/** Applies watch events to the cached list of `ctx`; detail and badge queries of the CSR are invalidated. */
export function useCsrEvents(ctx: string | undefined) {
  const qc = useQueryClient();
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
    const onReady = () => void qc.invalidateQueries({ queryKey: csrKeys.list(ctx) });
    source.addEventListener('csr', onCsr);
    source.addEventListener('ready', onReady);
    return () => source.close();
  }, [ctx, qc]);
}
