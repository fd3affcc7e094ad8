import 'server-only';
import { ObjectNameSchema } from '@/lib/api/names';
import type { Kube } from './client';
import { WireConfigMapSchema } from './schemas';
import { apiRequestOptions, getJson } from './transport';

export interface ConfigMapData {
  namespace: string;
  name: string;
  resourceVersion?: string;
  data: Record<string, string>;
}

/** One ConfigMap's string data (e.g. kube-system/kubelet-config, whose key `kubelet` holds kubeadm's YAML). */
export async function getConfigMap(
  kube: Kube,
  namespace: string,
  name: string,
  signal?: AbortSignal,
): Promise<ConfigMapData> {
  const ns = ObjectNameSchema.parse(namespace);
  const n = ObjectNameSchema.parse(name);
  const wire = await getJson(
    kube,
    `/api/v1/namespaces/${encodeURIComponent(ns)}/configmaps/${encodeURIComponent(n)}`,
    WireConfigMapSchema,
    { kind: 'api', verb: 'get', resource: 'configmaps', name: `${ns}/${n}` },
    apiRequestOptions(signal),
  );
  return {
    namespace: wire.metadata.namespace,
    name: wire.metadata.name,
    ...(wire.metadata.resourceVersion ? { resourceVersion: wire.metadata.resourceVersion } : {}),
    data: wire.data ?? {},
  };
}
