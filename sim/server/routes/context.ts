import type { IncomingMessage, ServerResponse } from 'node:http';
import type { User } from '../authz';
import type { HandlerResult } from '../http';
import type { RequestInfo } from '../request-info';
import type { ListQuery } from '../resource';
import type { SimState } from '../state';

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  info: RequestInfo;
  user: User;
  sim: SimState;
  accept: string;
}

export type Route = (ctx: Ctx) => Promise<HandlerResult> | HandlerResult;

export const listQuery = (ctx: Ctx): ListQuery => ({ namespace: ctx.info.namespace, query: ctx.url.searchParams, accept: ctx.accept });
