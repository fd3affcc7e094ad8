/**
 * Generic read verbs over a Store: list (label/field selectors, limit/continue, Table output) and get.
 * Resource modules describe themselves with a ResourceDef and add their own write verbs.
 */
import type { KubeObject } from '../fleet/types';
import type { Reply } from './http';
import { decodeContinue, encodeContinue, lowerBound, parseLimit } from './paging';
import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  type FieldRequirement,
} from './selectors';
import { notFound, type GroupResource } from './status';
import type { Store } from './store';
import type { TableDef } from './tables';

export interface ResourceDef {
  gr: GroupResource;
  kind: string;
  listKind: string;
  apiVersion: string;
  namespaced: boolean;
  store: Store;
  table: TableDef;
  /** field-selector fields this resource supports (metadata.name is always there) */
  fields: Record<string, (o: KubeObject) => string | undefined>;
  /** sorted candidate keys for a field selector, when an index can answer it (pods by spec.nodeName) */
  index?: (reqs: FieldRequirement[]) => readonly string[] | undefined;
}

export interface ListQuery {
  namespace: string;
  query: URLSearchParams;
  accept: string;
}

function fieldGetter(def: ResourceDef, obj: KubeObject): (field: string) => string | undefined {
  return (field) => {
    if (field === 'metadata.name') return obj.metadata.name;
    if (field === 'metadata.namespace') return obj.metadata.namespace;
    return def.fields[field]?.(obj);
  };
}

function supportedFields(def: ResourceDef): string[] {
  return ['metadata.name', ...(def.namespaced ? ['metadata.namespace'] : []), ...Object.keys(def.fields)];
}

/** Compiles selectors from a query into one predicate (shared by list and watch). */
export function compileFilter(def: ResourceDef, namespace: string, query: URLSearchParams) {
  const labels = parseLabelSelector(query.get('labelSelector'));
  const fields = parseFieldSelector(query.get('fieldSelector'), supportedFields(def));
  const predicate = (obj: KubeObject) =>
    (!namespace || obj.metadata.namespace === namespace) &&
    matchesLabels(labels, obj.metadata.labels) &&
    matchesFields(fields, fieldGetter(def, obj));
  return { predicate, fields, selective: labels.length > 0 || fields.length > 0 };
}

export type TableVersion = 'v1' | 'v1beta1' | null;

/** kubectl asks `application/json;as=Table;v=v1;g=meta.k8s.io,…;v=v1beta1…,application/json`. */
export function wantsTable(accept: string): TableVersion {
  if (!accept.includes('as=Table')) return null;
  return /as=Table;v=v1;g=meta\.k8s\.io|as=Table;g=meta\.k8s\.io;v=v1(?!beta)/.test(accept) ? 'v1' : 'v1beta1';
}

export function tableRow(
  def: ResourceDef,
  obj: KubeObject,
  now: number,
  includeObject: string | null,
  version: string,
) {
  const row: Record<string, unknown> = { cells: def.table.cells(obj, now) };
  if (includeObject === 'Object') row.object = obj;
  else if (includeObject !== 'None')
    row.object = { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
  return row;
}

function toTable(
  def: ResourceDef,
  objs: KubeObject[],
  version: string,
  query: URLSearchParams,
  listMeta: Record<string, unknown>,
) {
  const now = Date.now();
  const includeObject = query.get('includeObject');
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: listMeta,
    columnDefinitions: def.table.columns,
    rows: objs.map((o) => tableRow(def, o, now, includeObject, version)),
  };
}

function rangeFor(
  def: ResourceDef,
  namespace: string,
  fields: FieldRequirement[],
): { keys: readonly string[]; from: number; to: number } {
  const indexed = def.index?.(fields);
  const keys = indexed ?? def.store.sortedKeys();
  if (!namespace || indexed) return { keys, from: 0, to: keys.length };
  return { keys, from: lowerBound(keys, `${namespace}/`), to: lowerBound(keys, `${namespace}0`) }; // '0' sorts right after '/'
}

export function list(def: ResourceDef, q: ListQuery): Reply {
  const { predicate, fields, selective } = compileFilter(def, q.namespace, q.query);
  const limit = parseLimit(q.query.get('limit'));
  const token = q.query.get('continue');
  const cont = token ? decodeContinue(token) : undefined;
  const rv = cont?.rv ?? def.store.currentRv();
  const { keys, from: rangeFrom, to } = rangeFor(def, q.namespace, fields);
  let i = cont ? Math.max(rangeFrom, lowerBound(keys, cont.start)) : rangeFrom;
  const items: KubeObject[] = [];
  let lastKey = '';
  for (; i < to && (limit === 0 || items.length < limit); i++) {
    const key = keys[i] ?? '';
    const obj = def.store.get(key);
    if (obj && predicate(obj)) {
      items.push(obj);
      lastKey = key;
    }
  }
  let more = false;
  for (let j = i; j < to && !more; j++) {
    const obj = def.store.get(keys[j] ?? '');
    more = obj !== undefined && predicate(obj);
  }
  const meta: Record<string, unknown> = { resourceVersion: String(rv) };
  if (more) {
    meta.continue = encodeContinue(rv, lastKey);
    if (!selective) meta.remainingItemCount = to - i;
  }
  const table = wantsTable(q.accept);
  if (table) return { json: toTable(def, items, table, q.query, meta) };
  return { json: { kind: def.listKind, apiVersion: def.apiVersion, metadata: meta, items } };
}

export function getObject(def: ResourceDef, namespace: string, name: string): KubeObject {
  const obj = def.store.get(namespace ? `${namespace}/${name}` : name);
  if (!obj) throw notFound(def.gr, name);
  return obj;
}

export function get(def: ResourceDef, namespace: string, name: string, q: ListQuery): Reply {
  const obj = getObject(def, namespace, name);
  const table = wantsTable(q.accept);
  if (table) return { json: toTable(def, [obj], table, q.query, { resourceVersion: obj.metadata.resourceVersion }) };
  return { json: obj };
}
