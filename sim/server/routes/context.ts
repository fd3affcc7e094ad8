import type { IncomingMessage, ServerResponse } from 'node:http';
import type { User } from '../authz';
import type { HandlerResult } from '../http';
import type { RequestInfo } from '../request-info';
import type { ListQuery } from '../resource';
import type { SimState } from '../state';

/** The parts of a request URL handlers use (cheaper than `new URL` on the configz hot path). */
export interface RequestUrl {
  pathname: string;
  searchParams: URLSearchParams;
}

export function parseRequestUrl(raw: string): RequestUrl {
  const q = raw.indexOf('?');
  return q < 0
    ? { pathname: raw, searchParams: new URLSearchParams() }
    : { pathname: raw.slice(0, q), searchParams: new URLSearchParams(raw.slice(q + 1)) };
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: RequestUrl;
  info: RequestInfo;
  user: User;
  sim: SimState;
  accept: string;
}

export type Route = (ctx: Ctx) => Promise<HandlerResult> | HandlerResult;

export const listQuery = (ctx: Ctx): ListQuery => ({
  namespace: ctx.info.namespace,
  query: ctx.url.searchParams,
  accept: ctx.accept,
});
