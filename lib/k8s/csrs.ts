import 'server-only';
import { CsrNameSchema } from '@/lib/api/names';
import { env } from '@/lib/env';
import type { Kube } from './client';
import { listAll } from './list';
import { WireCsrSchema, type WireCsr } from './schemas';
import { getJson } from './transport';

/**
 * A CertificateSigningRequest as plain data: what the review code (lib/domain/csr-*) needs. `request` and
 * `certificate` stay base64 of PEM exactly as the API sends them (Go []byte); decoding is the domain's job.
 */
export interface CsrObject {
  name: string;
  uid: string;
  resourceVersion: string;
  createdAt: string | null;
  signerName: string;
  username: string;
  groups: string[];
  usages: string[];
  expirationSeconds: number | null;
  request: string;
  certificate: string | null;
  conditions: { type: string; status?: string; reason?: string; message?: string; lastUpdateTime?: string }[];
}

export function reshapeCsr(c: WireCsr): CsrObject {
  return {
    name: c.metadata.name,
    uid: c.metadata.uid ?? '',
    resourceVersion: c.metadata.resourceVersion ?? '',
    createdAt: c.metadata.creationTimestamp ?? null,
    signerName: c.spec.signerName,
    username: c.spec.username ?? '',
    groups: c.spec.groups ?? [],
    usages: c.spec.usages ?? [],
    expirationSeconds: c.spec.expirationSeconds ?? null,
    request: c.spec.request,
    certificate: c.status?.certificate || null,
    conditions: (c.status?.conditions ?? []).map((x) => ({
      type: x.type,
      status: x.status,
      ...(x.reason ? { reason: x.reason } : {}),
      ...(x.message ? { message: x.message } : {}),
      ...(x.lastUpdateTime ? { lastUpdateTime: x.lastUpdateTime } : {}),
    })),
  };
}

const PATH = '/apis/certificates.k8s.io/v1/certificatesigningrequests';
const GROUP = 'certificates.k8s.io';

/** All CSRs (cluster-scoped), paginated. Needs `list certificatesigningrequests.certificates.k8s.io`. */
export async function listCsrs(kube: Kube, signal?: AbortSignal): Promise<CsrObject[]> {
  const items = await listAll(kube, PATH, WireCsrSchema, { kind: 'api', verb: 'list', resource: 'certificatesigningrequests', group: GROUP }, { signal });
  return items.map(reshapeCsr);
}

/** One CSR by name; 404 NotFound when it does not exist. */
export async function getCsr(kube: Kube, name: string, signal?: AbortSignal): Promise<CsrObject> {
  const valid = CsrNameSchema.parse(name);
  const wire = await getJson(kube, `${PATH}/${encodeURIComponent(valid)}`, WireCsrSchema,
    { kind: 'api', verb: 'get', resource: 'certificatesigningrequests', group: GROUP, name: valid },
    { timeoutMs: env().KD_API_TIMEOUT_MS, maxBytes: env().KD_MAX_API_BODY_BYTES, signal });
  return reshapeCsr(wire);
}
