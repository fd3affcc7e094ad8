/**
 * `?watch=true`: newline-delimited JSON events as the apiserver streams them. From resourceVersion ""/"0"
 * the current state arrives first as ADDED; from a compacted version the stream carries one ERROR event
 * with a 410 Expired Status (what the watch cache sends), which informers answer by relisting.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../fleet/types';
import { HttpError, startStream } from './http';
import { compileFilter, tableRow, wantsTable, type ListQuery, type ResourceDef } from './resource';
import { badRequest } from './status';
import type { WatchEvent } from './store';

const DEFAULT_TIMEOUT_S = 1800;
const BOOKMARK_EVERY_MS = 10_000;

export function watch(
  def: ResourceDef,
  q: ListQuery,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
  /** every open watch's closer, so a simulated outage (simctl) can drop them as a dying apiserver does */
  open?: Set<() => void>,
): void {
  const query = new URLSearchParams(q.query);
  if (name) query.set('fieldSelector', [query.get('fieldSelector'), `metadata.name=${name}`].filter(Boolean).join(','));
  const { predicate } = compileFilter(def, q.namespace, query);
  const rawRv = query.get('resourceVersion') ?? '';
  const sinceRv = rawRv === '' || rawRv === '0' ? null : Number(rawRv);
  if (sinceRv !== null && !Number.isInteger(sinceRv)) throw badRequest(`invalid resource version: ${rawRv}`);
  const timeoutS = Number(query.get('timeoutSeconds') || DEFAULT_TIMEOUT_S);
  const table = wantsTable(q.accept);
  const includeObject = query.get('includeObject');
  const bookmarks = query.get('allowWatchBookmarks') === 'true';

  startStream(res, 'application/json');
  const write = (type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);
  const wrap = (obj: KubeObject) =>
    table
      ? {
          kind: 'Table',
          apiVersion: `meta.k8s.io/${table}`,
          metadata: { resourceVersion: obj.metadata.resourceVersion },
          columnDefinitions: def.table.columns,
          rows: [tableRow(def, obj, Date.now(), includeObject, table)],
        }
      : obj;
  let lastRv = sinceRv ?? def.store.currentRv();
  const onEvent = (ev: WatchEvent) => {
    lastRv = ev.rv;
    const obj = ev.object;
    if (predicate(obj)) write(ev.type, wrap(obj));
  };

  let unsubscribe = () => {};
  if (sinceRv === null) {
    for (const key of def.store.sortedKeys()) {
      const obj = def.store.get(key);
      if (obj && predicate(obj)) write('ADDED', wrap(obj));
    }
  }
  try {
    unsubscribe = def.store.watch(lastRv, onEvent);
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    write('ERROR', err.body);
    res.end();
    return;
  }
  const bookmarkTimer = bookmarks
    ? setInterval(
        () =>
          write('BOOKMARK', {
            kind: def.kind,
            apiVersion: def.apiVersion,
            metadata: { resourceVersion: String(lastRv) },
          }),
        BOOKMARK_EVERY_MS,
      )
    : undefined;
  const finish = () => {
    open?.delete(finish);
    clearTimeout(timer);
    clearInterval(bookmarkTimer);
    unsubscribe();
    if (!res.writableEnded) res.end();
  };
  const timer = setTimeout(finish, timeoutS * 1000);
  open?.add(finish);
  req.on('close', finish);
  res.on('close', finish);
}
