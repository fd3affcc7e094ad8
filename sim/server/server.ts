/**
 * The request pipeline of an apiserver, in order: authentication (bearer token), request info,
 * authorization (authz.ts), then routing to a resource handler. Handlers return data or throw.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorize, forbiddenMessage, type User } from './authz';
import { discoveryDoc, serverVersionInfo } from './discovery';
import { HttpError, sendError, sendReply, STREAMED, type HandlerResult } from './http';
import { openapiDoc } from './openapi';
import { OPENAPI_V2_PROTOBUF, OPENAPI_V2_PROTOBUF_ACCEPT, openapiV2Json, openapiV2Protobuf } from './openapi-v2';
import { requestInfo } from './request-info';
import { parseRequestUrl, type Ctx, type Route } from './routes/context';
import { configmapsRoute, namespacesRoute, nodesRoute, podsRoute } from './routes/core';
import { csrsRoute } from './routes/csrs';
import { nodeMetricsRoute, podMetricsRoute } from './routes/metrics-k8s-io';
import { proxyRoute } from './routes/proxy';
import { reviewsRoute } from './routes/reviews';
import { simctlRoute } from './routes/simctl';
import type { SimState } from './state';
import { forbidden, pathNotFound, StatusError, unauthorized } from './status';

const LOG_REQUESTS = Boolean(process.env.SIM_LOG);

/** Served to anonymous callers too, as the system:public-info-viewer role allows. */
const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz', '/version']);

const RESOURCE_ROUTES: Record<string, Route> = {
  '/v1/nodes': (ctx) => (ctx.info.subresource === 'proxy' ? proxyRoute(ctx) : nodesRoute(ctx)),
  '/v1/pods': podsRoute,
  '/v1/configmaps': configmapsRoute,
  '/v1/namespaces': namespacesRoute,
  'certificates.k8s.io/v1/certificatesigningrequests': csrsRoute,
  'metrics.k8s.io/v1beta1/nodes': nodeMetricsRoute,
  'metrics.k8s.io/v1beta1/pods': podMetricsRoute,
  'authorization.k8s.io/v1/selfsubjectaccessreviews': reviewsRoute,
  'authorization.k8s.io/v1/selfsubjectrulesreviews': reviewsRoute,
  'authentication.k8s.io/v1/selfsubjectreviews': reviewsRoute,
};

function nonResource(ctx: Ctx, serverAddress: string): HandlerResult {
  const path = ctx.url.pathname;
  if (path === '/version') return { json: serverVersionInfo(ctx.sim.fleet.serverVersion) };
  if (PUBLIC_PATHS.has(path)) return { text: 'ok' };
  if (path.startsWith('/simctl')) return simctlRoute(ctx);
  if (path === '/openapi/v2')
    return ctx.accept.includes(OPENAPI_V2_PROTOBUF_ACCEPT)
      ? { bytes: openapiV2Protobuf(), contentType: OPENAPI_V2_PROTOBUF }
      : { json: openapiV2Json() };
  if (path.startsWith('/openapi/')) return { json: openapiDoc(path) ?? throwNotFound() };
  const doc = discoveryDoc(path, ctx.sim.fleet.metricsEnabled, serverAddress);
  if (doc === undefined) throw pathNotFound();
  return { json: doc };
}

function throwNotFound(): never {
  throw pathNotFound();
}

function route(ctx: Ctx, serverAddress: string): Promise<HandlerResult> | HandlerResult {
  const { info } = ctx;
  if (!info.isResourceRequest) return nonResource(ctx, serverAddress);
  if (info.apiGroup === 'metrics.k8s.io' && !ctx.sim.fleet.metricsEnabled) throw pathNotFound(); // no APIService
  const handler = RESOURCE_ROUTES[`${info.apiGroup}/${info.apiVersion}/${info.resource}`];
  if (!handler) throw pathNotFound();
  return handler(ctx);
}

function statsKind(ctx: Pick<Ctx, 'info' | 'url'>): string {
  const { info } = ctx;
  if (!info.isResourceRequest) return `nonresource.${ctx.url.pathname.split('/')[1] ?? ''}`;
  return `${info.resource}${info.subresource ? `/${info.subresource}` : ''}.${info.verb}`;
}

export function createHandler(sim: SimState, users: Map<string, User>, serverAddress: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void handle(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) return sendError(res, err);
      console.error('[sim] unexpected error', err);
      sendError(
        res,
        new StatusError(
          500,
          'InternalError',
          'an error on the server ("internal error") has prevented the request from succeeding',
        ),
      );
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseRequestUrl(req.url ?? '/');
    if (LOG_REQUESTS)
      res.on('finish', () =>
        console.log(`[sim] ${req.method} ${req.url} ${req.headers['content-type'] ?? ''} -> ${res.statusCode}`),
      );
    const info = requestInfo(req.method ?? 'GET', url.pathname, url.searchParams);
    sim.count(statsKind({ info, url }));
    // k8s.io/apimachinery NewServiceUnavailable's wording, what an apiserver answers when it cannot serve
    if (sim.outage && !url.pathname.startsWith('/simctl'))
      throw new StatusError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : undefined;
    const user = token ? users.get(token) : undefined;
    if (!user && (token !== undefined || !PUBLIC_PATHS.has(url.pathname))) throw unauthorized();
    if (user) {
      const decision = authorize(user, info);
      if (!decision.allowed) {
        const gr = info.isResourceRequest
          ? { group: info.apiGroup, resource: info.resource }
          : { group: '', resource: '' };
        throw forbidden(gr, info.name, forbiddenMessage(user, info));
      }
    }
    const ctx: Ctx = {
      req,
      res,
      url,
      info,
      user: user ?? { name: 'system:anonymous', groups: ['system:unauthenticated'] },
      sim,
      accept: String(req.headers.accept ?? ''),
    };
    const result = await route(ctx, serverAddress());
    if (result !== STREAMED) sendReply(res, result);
  }
}
