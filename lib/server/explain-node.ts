import 'server-only';
import type { z } from 'zod';
import type { ExplainRequestSchema, ExplainResponse } from '@/lib/api/provenance';
import { ConfigFileError, parseKubeletConfigFile } from '@/lib/domain/provenance/config-file';
import { explainKubeletConfig } from '@/lib/domain/provenance/explain';
import { redactSecrets } from '@/lib/domain/provenance/redact';
import { YamlLimitError } from '@/lib/domain/yaml-bounded';
import { AppError, toStatus } from '@/lib/errors';
import { findKubeletConfigMap } from '@/lib/k8s/kubelet-configmap';
import type { Kube } from '@/lib/k8s/client';
import { getNode } from '@/lib/k8s/nodes';
import { log } from '@/lib/observability/log';
import { nodeConfigz } from './node-detail';

/**
 * Reads what the cluster knows about the node (kubelet version, live configz through the fleet's pool, kubeadm's
 * kubelet ConfigMap) and hands it with the pasted files to the pure explainer. Only a missing node fails the
 * request: an unreachable kubelet or a forbidden ConfigMap just leaves that part out and says why.
 * Pasted text is never logged: an unexpected failure inside the explainer is reported by error name only.
 */
export async function explainForNode(
  kube: Kube,
  name: string,
  body: z.output<typeof ExplainRequestSchema>,
  signal?: AbortSignal,
): Promise<ExplainResponse> {
  const node = await getNode(kube, name, signal);
  const [configz, configMap] = await Promise.allSettled([
    nodeConfigz(kube, name, { kubeletVersion: node.nodeInfo.kubeletVersion, ready: node.ready }),
    body.useClusterConfigMap ? findKubeletConfigMap(kube, signal) : Promise.resolve(undefined),
  ]);
  let cm: { name: string; config: Record<string, unknown> } | undefined;
  if (configMap.status === 'fulfilled' && configMap.value) {
    try {
      cm = {
        name: `${configMap.value.namespace}/${configMap.value.name}`,
        config: parseKubeletConfigFile(configMap.value.yaml).config,
      };
    } catch (err) {
      if (!(err instanceof ConfigFileError || err instanceof YamlLimitError)) throw err;
    }
  }
  let result;
  try {
    result = explainKubeletConfig({
      version: node.nodeInfo.kubeletVersion,
      live: configz.status === 'fulfilled' ? configz.value.kubeletconfig : null,
      inputs: body.inputs,
      configMap: cm ?? null,
    });
  } catch (err) {
    if (err instanceof YamlLimitError) throw new AppError('Invalid', 422, `Refused: ${err.message}.`);
    log.error({ error: err instanceof Error ? redactSecrets(err.name) : 'non-error' }, 'provenance: explainer failed');
    throw new AppError('InternalError', 500, 'Could not explain the pasted files.');
  }
  const live = configz.status === 'rejected' ? toStatus(configz.reason) : undefined;
  const usedConfigMap =
    cm &&
    result.fields.some(
      (f) => f.source?.startsWith('ConfigMap ') || f.overridden.some((o) => o.source.startsWith('ConfigMap ')),
    );
  return {
    node: name,
    ...result,
    ...(live ? { liveUnavailable: { reason: live.reason, code: live.code, message: live.message } } : {}),
    ...(usedConfigMap && cm ? { configMap: cm.name } : {}),
  };
}
