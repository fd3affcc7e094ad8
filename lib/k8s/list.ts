import 'server-only';
import type { z } from 'zod';
import { env } from '@/lib/env';
import type { Kube } from './client';
import type { Target } from './errors';
import { listOf } from './schemas';
import { apiRequestOptions, getJson, withQuery } from './transport';

/** Safety stop for a continue token that never ends (a broken server must not loop us forever). */
const MAX_PAGES = 10_000;

/**
 * Lists every object at `path`, KD_LIST_PAGE_SIZE at a time, following `metadata.continue` the way kubectl
 * chunks lists (API concepts, "Retrieving large results sets in chunks"). Each page is one bounded request.
 */
export async function listAll<S extends z.ZodType>(
  kube: Kube,
  path: string,
  item: S,
  target: Target,
  query: ListQuery,
): Promise<z.infer<S>[]> {
  const items: z.infer<S>[] = [];
  await forEachPage(kube, path, item, target, query, (page) => items.push(...page));
  return items;
}

interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  signal?: AbortSignal;
}

/**
 * listAll one page at a time: `onPage` gets each page's items and may drop them, so a caller that only keeps
 * aggregates (the fleet's per-node pod totals) never holds the whole list. Returns the list's resourceVersion
 * (from the last page; every page of a consistent chunked list carries the same one), from which a watch starts.
 */
export async function forEachPage<S extends z.ZodType>(
  kube: Kube,
  path: string,
  item: S,
  target: Target,
  query: ListQuery,
  onPage: (items: z.infer<S>[]) => void,
): Promise<{ resourceVersion: string | undefined }> {
  const { KD_LIST_PAGE_SIZE } = env();
  const schema = listOf(item);
  let token: string | undefined;
  let resourceVersion: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = withQuery(path, {
      limit: KD_LIST_PAGE_SIZE,
      continue: token,
      labelSelector: query.labelSelector,
      fieldSelector: query.fieldSelector,
    });
    const body = await getJson(kube, url, schema, target, apiRequestOptions(query.signal));
    onPage(body.items as z.infer<S>[]);
    resourceVersion = body.metadata?.resourceVersion ?? resourceVersion;
    token = body.metadata?.continue || undefined;
    if (!token) return { resourceVersion };
  }
  return { resourceVersion };
}
