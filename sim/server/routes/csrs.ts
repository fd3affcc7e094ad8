/**
 * certificates.k8s.io/v1 certificatesigningrequests: read verbs, create, update, patch, delete, and the
 * /approval and /status subresources with the apiserver's strategies (each subresource may change only
 * its own part) and optimistic concurrency on resourceVersion.
 */
import { randomUUID } from 'node:crypto';
import type { KubeObject } from '../../fleet/types';
import { mayApproveSigner } from '../authz';
import {
  csrInvalid,
  CsrBodySchema,
  unknownFields,
  validateConditions,
  validateCreate,
  zodInvalid,
  type CsrBody,
  type CsrCondition,
} from '../csr-validate';
import { readObject } from '../body';
import type { HandlerResult, Reply } from '../http';
import { getObject } from '../resource';
import { scheduleSigning } from '../signer';
import { alreadyExists, conflict, forbidden, methodNotAllowed, StatusError } from '../status';
import type { Ctx } from './context';
import { readRoute } from './core';
import { applyPatch } from './patch';

const read = readRoute((ctx) => ctx.sim.csrs);
const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789'; // k8s.io/apimachinery/pkg/util/rand alphanums

function checkStrict(ctx: Ctx, raw: unknown): void {
  if (ctx.url.searchParams.get('fieldValidation') !== 'Strict') return;
  const unknown = unknownFields(raw);
  if (unknown.length === 1)
    throw new StatusError(400, 'BadRequest', `strict decoding error: unknown field "${unknown[0]}"`);
  if (unknown.length > 1)
    throw new StatusError(
      400,
      'BadRequest',
      `strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
    );
}

function parseBody(name: string, raw: unknown): CsrBody {
  const parsed = CsrBodySchema.safeParse(raw);
  if (!parsed.success) throw zodInvalid(name, parsed.error);
  return parsed.data;
}

async function create(ctx: Ctx): Promise<Reply> {
  const raw = await readObject(ctx.req);
  checkStrict(ctx, raw);
  const body = parseBody('', raw);
  const store = ctx.sim.csrs.store;
  let name = body.metadata.name ?? '';
  if (!name && body.metadata.generateName) {
    do
      name =
        body.metadata.generateName +
        Array.from({ length: 5 }, () => NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)]).join('');
    while (store.get(name));
  }
  const errs = validateCreate(name, body);
  if (errs.length) throw csrInvalid(name, errs);
  if (store.get(name)) throw alreadyExists(ctx.sim.csrs.gr, name);
  const { resourceVersion: _rv, ...meta } = body.metadata;
  const obj: KubeObject = {
    ...body,
    metadata: { ...meta, name, uid: randomUUID(), creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z') },
    // the apiserver records who asked, whatever the body claims
    spec: { ...body.spec, username: ctx.user.name, groups: ctx.user.groups, extra: undefined, uid: undefined },
    status: {},
  };
  return { statusCode: 201, json: store.put(obj) };
}

function checkVersion(ctx: Ctx, current: KubeObject, requested: string | undefined): void {
  if (requested && requested !== current.metadata.resourceVersion)
    throw conflict(ctx.sim.csrs.gr, current.metadata.name);
}

const conditionsOf = (o: Record<string, unknown>): CsrCondition[] =>
  (o.status as { conditions?: CsrCondition[] } | undefined)?.conditions ?? [];
const isApproval = (c: CsrCondition) => c.type === 'Approved' || c.type === 'Denied';

/** Builds the stored object for an update of the main resource or a subresource from `incoming`. */
function merge(ctx: Ctx, current: KubeObject, incoming: CsrBody): KubeObject {
  const sub = ctx.info.subresource;
  const prev = conditionsOf(current);
  const oldStatus = (current.status ?? {}) as Record<string, unknown>;
  let status: Record<string, unknown> = oldStatus;
  if (sub === 'approval' || sub === 'status') {
    const next = conditionsOf(incoming);
    const conditions =
      sub === 'approval'
        ? [...prev.filter((c) => !isApproval(c)), ...next.filter(isApproval)]
        : [...prev.filter(isApproval), ...next.filter((c) => !isApproval(c))];
    const errs = validateConditions(conditions, prev);
    if (errs.length) throw csrInvalid(current.metadata.name, errs);
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const stamped = conditions.map((c) => ({
      ...c,
      lastUpdateTime: c.lastUpdateTime ?? now,
      lastTransitionTime: c.lastTransitionTime ?? now,
    }));
    status =
      sub === 'approval' ? { ...oldStatus, conditions: stamped } : { ...(incoming.status ?? {}), conditions: stamped };
  }
  const meta = sub
    ? current.metadata
    : { ...current.metadata, labels: incoming.metadata.labels, annotations: incoming.metadata.annotations };
  return { ...current, metadata: { ...meta }, spec: current.spec, status };
}

function admitApproval(ctx: Ctx, current: KubeObject, next: KubeObject): void {
  if (ctx.info.subresource !== 'approval') return;
  const signer = (current.spec as { signerName?: string } | undefined)?.signerName ?? '';
  const changed =
    JSON.stringify(
      conditionsOf(next)
        .filter(isApproval)
        .map((c) => c.type),
    ) !==
    JSON.stringify(
      conditionsOf(current)
        .filter(isApproval)
        .map((c) => c.type),
    );
  if (changed && !mayApproveSigner(ctx.user, signer))
    throw forbidden(
      ctx.sim.csrs.gr,
      current.metadata.name,
      `user not permitted to approve requests with signerName "${signer}"`,
    );
}

async function update(ctx: Ctx, patch: boolean): Promise<Reply> {
  const current = getObject(ctx.sim.csrs, '', ctx.info.name);
  const raw = await readObject(ctx.req);
  const incomingRaw = patch ? applyPatch(current, raw, String(ctx.req.headers['content-type'] ?? '')) : raw;
  checkStrict(ctx, incomingRaw);
  const incoming = parseBody(ctx.info.name, incomingRaw);
  if (incoming.metadata.name && incoming.metadata.name !== ctx.info.name)
    throw new StatusError(
      400,
      'BadRequest',
      `the name of the object (${incoming.metadata.name}) does not match the name on the URL (${ctx.info.name})`,
    );
  checkVersion(ctx, current, incoming.metadata.resourceVersion);
  const next = merge(ctx, current, incoming);
  admitApproval(ctx, current, next);
  const stored = ctx.sim.csrs.store.put(next);
  if (ctx.info.subresource === 'approval') scheduleSigning(ctx.sim, stored.metadata.name);
  return { json: stored };
}

function remove(ctx: Ctx): Reply {
  const current = getObject(ctx.sim.csrs, '', ctx.info.name);
  ctx.sim.csrs.store.delete(current.metadata.name);
  const details = {
    name: current.metadata.name,
    group: 'certificates.k8s.io',
    kind: 'certificatesigningrequests',
    uid: current.metadata.uid,
  };
  return { json: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details } };
}

export async function csrsRoute(ctx: Ctx): Promise<HandlerResult> {
  const { verb, subresource, name } = ctx.info;
  if (subresource && !['approval', 'status'].includes(subresource))
    throw new StatusError(404, 'NotFound', 'the server could not find the requested resource', {});
  switch (verb) {
    case 'get':
    case 'list':
    case 'watch':
      return read(ctx);
    case 'create':
      if (name) throw methodNotAllowed();
      return create(ctx);
    case 'update':
      return update(ctx, false);
    case 'patch':
      return update(ctx, true);
    case 'delete':
      if (subresource) throw methodNotAllowed();
      return remove(ctx);
    default:
      throw methodNotAllowed();
  }
}
