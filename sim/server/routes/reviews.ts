/**
 * authorization.k8s.io/v1 SelfSubjectAccessReview and SelfSubjectRulesReview, answered from authz.ts, and
 * authentication.k8s.io/v1 SelfSubjectReview (`kubectl auth whoami`), answered from the authenticated user.
 */
import { z } from 'zod';
import { authorize, rulesFor } from '../authz';
import { readObject } from '../body';
import type { Reply } from '../http';
import { invalid, methodNotAllowed, pathNotFound } from '../status';
import type { Ctx } from './context';

const SsarSchema = z.looseObject({
  apiVersion: z.literal('authorization.k8s.io/v1'),
  kind: z.literal('SelfSubjectAccessReview'),
  spec: z.looseObject({
    resourceAttributes: z
      .looseObject({
        namespace: z.string().default(''),
        verb: z.string().default(''),
        group: z.string().default(''),
        version: z.string().optional(),
        resource: z.string().default(''),
        subresource: z.string().default(''),
        name: z.string().default(''),
      })
      .optional(),
    nonResourceAttributes: z.looseObject({ path: z.string().default(''), verb: z.string().default('') }).optional(),
  }),
});

const SsrrSchema = z.looseObject({
  apiVersion: z.literal('authorization.k8s.io/v1'),
  kind: z.literal('SelfSubjectRulesReview'),
  spec: z.looseObject({ namespace: z.string().default('') }),
});

function parse<T>(schema: z.ZodType<T>, kind: string, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw invalid(
    kind,
    'authorization.k8s.io',
    '',
    r.error.issues.map((i) => ({
      type: 'FieldValueInvalid',
      field: i.path.join('.'),
      detail: `Invalid value: ${i.message}`,
    })),
  );
}

async function accessReview(ctx: Ctx): Promise<Reply> {
  const body = parse(SsarSchema, 'SelfSubjectAccessReview', await readObject(ctx.req));
  const ra = body.spec.resourceAttributes;
  const nra = body.spec.nonResourceAttributes;
  if (!ra && !nra)
    throw invalid('SelfSubjectAccessReview', 'authorization.k8s.io', '', [
      {
        type: 'FieldValueRequired',
        field: 'spec.resourceAttributes',
        detail: 'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified',
      },
    ]);
  const decision = ra
    ? authorize(ctx.user, {
        isResourceRequest: true,
        path: '',
        verb: ra.verb,
        apiGroup: ra.group,
        namespace: ra.namespace,
        resource: ra.resource,
        subresource: ra.subresource,
        name: ra.name,
      })
    : authorize(ctx.user, {
        isResourceRequest: false,
        path: nra?.path ?? '',
        verb: nra?.verb ?? '',
        apiGroup: '',
        namespace: '',
        resource: '',
        subresource: '',
        name: '',
      });
  const status: Record<string, unknown> = { allowed: decision.allowed };
  if (decision.reason) status.reason = decision.reason;
  return { statusCode: 201, json: { ...body, metadata: { creationTimestamp: null }, status } };
}

async function rulesReview(ctx: Ctx): Promise<Reply> {
  const body = parse(SsrrSchema, 'SelfSubjectRulesReview', await readObject(ctx.req));
  const ns = body.spec.namespace;
  const rules = rulesFor(ctx.user).filter((r) => !r.namespaces || r.namespaces.includes(ns));
  const resourceRules = rules
    .filter((r) => !r.nonResourceURLs)
    .map((r) => ({
      verbs: r.verbs,
      apiGroups: r.apiGroups ?? [],
      resources: r.resources ?? [],
      ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}),
    }));
  const nonResourceRules = rules
    .filter((r) => r.nonResourceURLs)
    .map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs ?? [] }));
  return {
    statusCode: 201,
    json: {
      ...body,
      metadata: { creationTimestamp: null },
      status: { resourceRules, nonResourceRules, incomplete: false },
    },
  };
}

const SsrSchema = z.looseObject({
  apiVersion: z.literal('authentication.k8s.io/v1'),
  kind: z.literal('SelfSubjectReview'),
});

async function selfReview(ctx: Ctx): Promise<Reply> {
  const r = SsrSchema.safeParse(await readObject(ctx.req));
  if (!r.success)
    throw invalid(
      'SelfSubjectReview',
      'authentication.k8s.io',
      '',
      r.error.issues.map((i) => ({
        type: 'FieldValueInvalid',
        field: i.path.join('.'),
        detail: `Invalid value: ${i.message}`,
      })),
    );
  const userInfo = { username: ctx.user.name, groups: ctx.user.groups };
  return { statusCode: 201, json: { ...r.data, metadata: { creationTimestamp: null }, status: { userInfo } } };
}

export function reviewsRoute(ctx: Ctx): Promise<Reply> {
  if (ctx.info.verb !== 'create') throw methodNotAllowed();
  if (ctx.info.name) throw pathNotFound();
  if (ctx.info.resource === 'selfsubjectreviews') return selfReview(ctx);
  return ctx.info.resource === 'selfsubjectaccessreviews' ? accessReview(ctx) : rulesReview(ctx);
}
