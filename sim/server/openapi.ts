/**
 * Minimal OpenAPI v3: kubectl create/apply (validation "strict" by default) downloads it to learn whether
 * the server does field validation itself. Each group-version document declares, for every kind the
 * sim accepts writes for, a PATCH operation with `fieldValidation`, so kubectl leaves validation to the
 * server (zod + the apiserver's rules) instead of needing full schemas.
 */
const HASH =
  'sim0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001';

const WRITABLE: Record<string, Array<{ path: string; group: string; version: string; kind: string }>> = {
  'api/v1': [],
  'apis/certificates.k8s.io/v1': [
    {
      path: '/apis/certificates.k8s.io/v1/certificatesigningrequests/{name}',
      group: 'certificates.k8s.io',
      version: 'v1',
      kind: 'CertificateSigningRequest',
    },
  ],
  'apis/authorization.k8s.io/v1': [],
  'apis/authentication.k8s.io/v1': [],
};

const FIELD_VALIDATION = {
  name: 'fieldValidation',
  in: 'query',
  description:
    'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields.',
  schema: { type: 'string', uniqueItems: true },
};

function gvDoc(gv: string) {
  const paths: Record<string, unknown> = {};
  for (const w of WRITABLE[gv] ?? []) {
    const gvk = { group: w.group, version: w.version, kind: w.kind };
    paths[w.path] = {
      parameters: [FIELD_VALIDATION],
      patch: {
        operationId: `patch${w.kind}`,
        parameters: [FIELD_VALIDATION],
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
      },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.33.2' }, paths, components: { schemas: {} } };
}

export function openapiDoc(path: string): unknown {
  const p = path.replace(/\/+$/, '');
  if (p === '/openapi/v3') {
    return {
      paths: Object.fromEntries(
        Object.keys(WRITABLE).map((gv) => [gv, { serverRelativeURL: `/openapi/v3/${gv}?hash=${HASH}` }]),
      ),
    };
  }
  const gv = p.replace(/^\/openapi\/v3\//, '');
  return p.startsWith('/openapi/v3/') && gv in WRITABLE ? gvDoc(gv) : undefined;
}
