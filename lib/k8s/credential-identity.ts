import 'server-only';
import { createHash } from 'node:crypto';
import type { Kube } from '@/lib/k8s/client';

const keys = new WeakMap<Kube, string>();

/**
 * The key every fleet cache is partitioned by: who is asking, not just which cluster. SECURITY: two Kubes share
 * cached nodes, configz or stats only if they present the same credentials to the same server, because RBAC
 * (and the kubelet's own authorization) may let one identity read what another may not. The key covers the
 * context, the server, the user entry's name and a SHA-256 over its credential material (token, client
 * certificate, exec/auth-provider config), so when shared mode hands each signed-in user a Kube with their own
 * token, their caches are separate even if the kubeconfig entry names collide. The hash never leaves memory,
 * and no credential is ever stored in the key itself.
 */
export function identityKey(kube: Kube): string {
  const known = keys.get(kube);
  if (known) return known;
  const user = kube.config.getCurrentUser();
  const material = JSON.stringify([
    user?.token ?? null,
    user?.certData ?? null,
    user?.certFile ?? null,
    user?.keyFile ?? null,
    user?.username ?? null,
    user?.exec ?? null,
    user?.authProvider ?? null,
  ]);
  const digest = createHash('sha256').update(material).digest('hex').slice(0, 16);
  const key = `${kube.context}|${kube.server}|${user?.name ?? ''}|${digest}`;
  keys.set(kube, key);
  return key;
}
