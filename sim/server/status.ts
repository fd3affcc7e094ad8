/**
 * Kubernetes `Status` errors worded exactly as k8s.io/apimachinery/pkg/api/errors words them, so kubectl
 * prints the same text it prints against a real cluster.
 */
import { HttpError } from './http';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: Array<{ reason: string; message: string; field: string }>;
}

export interface GroupResource {
  group: string;
  resource: string;
}

/** "certificatesigningrequests.certificates.k8s.io" or "nodes" (GroupResource.String()). */
function qualified(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

export class StatusError extends HttpError {
  constructor(code: number, reason: string, message: string, details?: StatusDetails) {
    super(code, statusObject(code, reason, message, details));
  }
}

function statusObject(code: number, reason: string, message: string, details?: StatusDetails) {
  const body: Record<string, unknown> = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
  };
  if (details) body.details = compact(details);
  body.code = code;
  return body;
}

function compact(d: StatusDetails): Record<string, unknown> {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined && v !== ''));
}

export const unauthorized = () => new StatusError(401, 'Unauthorized', 'Unauthorized');

export function notFound(gr: GroupResource, name: string): StatusError {
  return new StatusError(404, 'NotFound', `${qualified(gr)} "${name}" not found`, {
    name,
    group: gr.group,
    kind: gr.resource,
  });
}

/** What the apiserver answers for a path it does not serve (also a missing aggregated APIService). */
export const pathNotFound = () =>
  new StatusError(404, 'NotFound', 'the server could not find the requested resource', {});

export function forbidden(gr: GroupResource, name: string, why: string): StatusError {
  const message =
    !gr.resource && !gr.group
      ? `forbidden: ${why}`
      : name
        ? `${qualified(gr)} "${name}" is forbidden: ${why}`
        : `${qualified(gr)} is forbidden: ${why}`;
  return new StatusError(403, 'Forbidden', message, { name, group: gr.group, kind: gr.resource });
}

export function conflict(gr: GroupResource, name: string): StatusError {
  return new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(gr)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: gr.group, kind: gr.resource },
  );
}

export function alreadyExists(gr: GroupResource, name: string): StatusError {
  return new StatusError(409, 'AlreadyExists', `${qualified(gr)} "${name}" already exists`, {
    name,
    group: gr.group,
    kind: gr.resource,
  });
}

export interface FieldError {
  type:
    | 'FieldValueInvalid'
    | 'FieldValueRequired'
    | 'FieldValueForbidden'
    | 'FieldValueDuplicate'
    | 'FieldValueNotSupported';
  field: string;
  /** the part after "field: ", e.g. `Invalid value: "x": reason` or `Required value` */
  detail: string;
}

/** 422 Invalid as errors.NewInvalid builds it: `Kind.group "name" is invalid: field: detail, …`. */
export function invalid(kind: string, group: string, name: string, errs: FieldError[]): StatusError {
  const list = errs.map((e) => `${e.field}: ${e.detail}`);
  const joined = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return new StatusError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${joined}`, {
    name,
    group,
    kind,
    causes: errs.map((e) => ({ reason: e.type, message: e.detail, field: e.field })),
  });
}

export const badRequest = (message: string) => new StatusError(400, 'BadRequest', message);

export function methodNotAllowed(): StatusError {
  return new StatusError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

export function expired(requested: number, oldest: number): StatusError {
  return new StatusError(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}
