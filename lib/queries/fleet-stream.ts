'use client';

import { useEffect, useState } from 'react';
import type { FleetHello, FleetKind, FleetNodeResult, FleetSweep } from '@/lib/api/fleet';
import { throttle } from '@/lib/throttle';

/**
 * Results land by the thousand at the start of a sweep; the table re-renders at most this often (the first
 * results of a quiet spell at once: lib/throttle.ts).
 */
const COMMIT_MS = 250;

export interface FleetStreamState {
  /** per-node results so far; a node without one is still pending */
  results: ReadonlyMap<string, FleetNodeResult>;
  /** the last completed sweep */
  sweep?: FleetSweep;
  /** the server's hello arrived: results are coming */
  live: boolean;
}

/** After a refused stream (503), try again after this long (the server's Retry-After for streams). */
const REOPEN_MS = 10_000;

const EMPTY: FleetStreamState = { results: new Map(), live: false };

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null;
const NODE_STATES: ReadonlySet<unknown> = new Set(['ok', 'error', 'pending']);

/**
 * The events come from our own server (lib/server/fleet-stream.ts, typed by lib/api/fleet.ts) and are not
 * re-validated field by field (lib/queries/own-answer.ts): these checks only keep a frame of another shape (an
 * older or newer server) from being taken for one.
 * @internal exported for its unit tests
 */
export const fleetEvent = {
  hello: (d: unknown): d is FleetHello => isObject(d) && typeof d.context === 'string' && typeof d.total === 'number',
  nodes: (d: unknown): d is FleetNodeResult[] =>
    Array.isArray(d) && d.every((r) => isObject(r) && typeof r.name === 'string' && NODE_STATES.has(r.state)),
  sweep: (d: unknown): d is FleetSweep =>
    isObject(d) && typeof d.finishedAt === 'string' && typeof d.total === 'number' && typeof d.ok === 'number',
};

/**
 * Live per-node kubelet results from GET /api/fleet/stream (server-sent events). Not a TanStack query: the
 * server pushes every node as it resolves and repeats sweeps itself, and all tabs share its one sweep.
 * Starts empty for each context `ctx`; EventSource reconnects on its own after a dropped connection.
 */
export function useFleetStream(ctx: string | undefined, kind: FleetKind): FleetStreamState {
  const [state, setState] = useState<FleetStreamState>(EMPTY);
  useEffect(() => {
    if (!ctx) return;
    const results = new Map<string, FleetNodeResult>();
    let sweep: FleetSweep | undefined;
    let live = false;
    const commits = throttle(
      () => setState({ results: new Map(results), sweep, live }),
      () => COMMIT_MS,
    );
    const parse = (e: MessageEvent<string>): unknown => {
      try {
        return JSON.parse(e.data);
      } catch {
        return undefined;
      }
    };
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    // EventSource retries a dropped connection itself, but not an error status: a 503 (the server at its stream
    // bound, lib/server/admission.ts) closes it for good, so it is reopened after the server's Retry-After.
    const open = () => {
      source = new EventSource(`/api/fleet/stream?kind=${kind}`);
      source.addEventListener('hello', (e) => {
        live = fleetEvent.hello(parse(e));
        commits.request();
      });
      source.addEventListener('nodes', (e) => {
        const batch = parse(e);
        if (!fleetEvent.nodes(batch)) return;
        for (const r of batch) results.set(r.name, r);
        commits.request();
      });
      source.addEventListener('sweep', (e) => {
        const parsed = parse(e);
        if (fleetEvent.sweep(parsed)) sweep = parsed;
        commits.request();
      });
      source.addEventListener('error', () => {
        if (source?.readyState === EventSource.CLOSED) reopen = setTimeout(open, REOPEN_MS);
      });
    };
    open();
    return () => {
      commits.cancel();
      clearTimeout(reopen);
      source?.close();
      setState(EMPTY);
    };
  }, [ctx, kind]);
  return state;
}
