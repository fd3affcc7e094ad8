import 'server-only';
import { createHash } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * Who is asking, not just which cluster: the key every per-identity cache (lib/fleet) is partitioned by, carried on
 * each Kube as `identity`. SECURITY: two Kubes share cached nodes, configz or stats only if they present the same
 * credentials to the same server, because RBAC (and the kubelet's own authorization) may let one identity read
 * what another may not. The key covers the context, the server, the user entry's name and a SHA-256 over its
 * credential material (token, client certificate, exec/auth-provider config), so when shared mode hands each
 * signed-in user a Kube with their own token, their caches are separate even if the kubeconfig entry names
 * collide. The hash never leaves memory, and no credential is ever stored in the key itself. It also covers how
 * the server is reached (CA, TLS server name, proxy, skip-verify): a fleet's informer and pool hold the Kube they
 * were built with, so when a re-read kubeconfig (kubeconfig-reload.ts) brings a rotated CA, only a new key gives
 * them a Kube that connects.
 */
export function credentialIdentity(context: string, server: string, config: KubeConfig): string {
  const user = config.getCurrentUser();
  const cluster = config.getCurrentCluster();
  const material = JSON.stringify([
    cluster?.caData ?? null,
    cluster?.caFile ?? null,
    cluster?.tlsServerName ?? null,
    cluster?.proxyUrl ?? null,
    cluster?.skipTLSVerify ?? null,
    user?.token ?? null,
    user?.certData ?? null,
    user?.certFile ?? null,
    user?.keyFile ?? null,
    user?.username ?? null,
    user?.exec ?? null,
    user?.authProvider ?? null,
  ]);
  const digest = createHash('sha256').update(material).digest('hex').slice(0, 16);
  return `${context}|${server}|${user?.name ?? ''}|${digest}`;
}
