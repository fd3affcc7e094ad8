import 'server-only';
import { z } from 'zod';
import type { Kube } from './client';
import { apiRequestOptions, getJson } from './transport';

const ServiceSchema = z.object({ spec: z.object({ clusterIP: z.string().optional() }).optional() });

/** The `default/kubernetes` Service's ClusterIP: the address pods reach the API server at (null if it has none). */
export async function kubernetesServiceIP(kube: Kube): Promise<string | null> {
  const svc = await getJson(
    kube,
    '/api/v1/namespaces/default/services/kubernetes',
    ServiceSchema,
    { kind: 'api', verb: 'get', resource: 'services', name: 'kubernetes' },
    apiRequestOptions(),
  );
  return svc.spec?.clusterIP ?? null;
}
