import 'server-only';
import { z } from 'zod';
import { AppError, NotFoundError } from '@/lib/errors';
import type { Kube } from './client';
import { getConfigMap } from './configmaps';
import { listAll } from './list';

/**
 * kubeadm's cluster-wide kubelet configuration: ConfigMap kube-system/kubelet-config, key `kubelet`. Before the
 * UnversionedKubeletConfigMap gate (kubeadm v1.24, GA v1.26) kubeadm named it `kubelet-config-1.X` after the
 * control plane's minor version, and `kubeadm upgrade` left the old ones behind; we take the newest.
 * (kubernetes/website: kubeadm_init_phase_upload-config_kubelet.md, kubeadm_upgrade_node_phase_kubelet-config.md)
 */
const KUBELET_CONFIGMAP_NAMESPACE = 'kube-system';
const KUBELET_CONFIGMAP_NAME = 'kubelet-config';
const KUBELET_CONFIGMAP_KEY = 'kubelet';

export interface KubeletConfigMapSource {
  namespace: string;
  name: string;
  /** true for a `kubelet-config-1.X` name */
  legacy: boolean;
  /** the KubeletConfiguration YAML under key `kubelet` */
  yaml: string;
}

const LEGACY_RE = /^kubelet-config-1\.(\d+)$/;
const NameOnlySchema = z.object({ metadata: z.object({ name: z.string() }) });

/**
 * The newest `kubelet-config-1.X` among ConfigMap names, or undefined.
 * @internal exported for its unit tests
 */
export function newestLegacyName(names: readonly string[]): string | undefined {
  let best: { name: string; minor: number } | undefined;
  for (const name of names) {
    const m = LEGACY_RE.exec(name);
    if (m && (!best || Number(m[1]) > best.minor)) best = { name, minor: Number(m[1]) };
  }
  return best?.name;
}

/**
 * Finds kubeadm's kubelet ConfigMap. Throws NotFoundError when the cluster has none (not kubeadm-built, or
 * managed: EKS, GKE, AKS) and the usual typed errors (Forbidden…) when it cannot be read.
 */
export async function findKubeletConfigMap(kube: Kube, signal?: AbortSignal): Promise<KubeletConfigMapSource> {
  let name = KUBELET_CONFIGMAP_NAME;
  let data: Record<string, string>;
  try {
    data = (await getConfigMap(kube, KUBELET_CONFIGMAP_NAMESPACE, name, signal)).data;
  } catch (err) {
    if (!(err instanceof AppError && err.code === 404)) throw err;
    const items = await listAll(
      kube,
      `/api/v1/namespaces/${KUBELET_CONFIGMAP_NAMESPACE}/configmaps`,
      NameOnlySchema,
      {
        kind: 'api',
        verb: 'list',
        resource: 'configmaps',
      },
      { signal },
    );
    const legacy = newestLegacyName(items.map((i) => i.metadata.name));
    if (!legacy) throw new NotFoundError('ConfigMap', `${KUBELET_CONFIGMAP_NAMESPACE}/${KUBELET_CONFIGMAP_NAME}`);
    name = legacy;
    data = (await getConfigMap(kube, KUBELET_CONFIGMAP_NAMESPACE, name, signal)).data;
  }
  const yaml = data[KUBELET_CONFIGMAP_KEY];
  if (yaml === undefined)
    throw new NotFoundError(`key "${KUBELET_CONFIGMAP_KEY}" in ConfigMap`, `${KUBELET_CONFIGMAP_NAMESPACE}/${name}`);
  return { namespace: KUBELET_CONFIGMAP_NAMESPACE, name, legacy: name !== KUBELET_CONFIGMAP_NAME, yaml };
}
