import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * kubectl reads the kubeconfig on every invocation; a long-running dashboard has to notice changes itself. These
 * helpers let lib/k8s/client.ts re-read the file(s) when they change and keep whatever did not.
 */

/**
 * What the kubeconfig files look like on disk now: path, existence, mtime, size and inode of each, so an edit in
 * place, an atomic replace (rename, as the simulator and most tools write) and a file appearing in a
 * `:`-separated KUBECONFIG all change it. A few stat calls: cheap enough to run on every load.
 */
export function filesStamp(files: readonly string[]): string {
  return files
    .map((file) => {
      try {
        const s = fs.statSync(file);
        return `${file}\0${s.mtimeMs}\0${s.size}\0${s.ino}`;
      } catch {
        return `${file}\0absent`;
      }
    })
    .join('\n');
}

/** Everything that decides how a context talks to its cluster: the context, its cluster entry and its user entry. */
export function contextFingerprint(config: KubeConfig, context: string): string | undefined {
  const ctx = config.getContextObject(context);
  if (!ctx) return undefined;
  return digest([ctx, config.getCluster(ctx.cluster), config.getUser(ctx.user)]);
}

/** The cluster entry alone (shared mode's per-user Kubes take nothing else from the kubeconfig). */
export function clusterFingerprint(config: KubeConfig, context: string): string | undefined {
  const ctx = config.getContextObject(context);
  return ctx ? digest([ctx.cluster, config.getCluster(ctx.cluster)]) : undefined;
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * The entries of `previous` whose context still means the same thing in `next` (same fingerprint): their handles
 * are reused, so every cache keyed by the handle (access reviews) or by its identity (credential-identity.ts)
 * survives a kubeconfig edit that did not touch them. A changed or removed context is dropped and rebuilt on demand.
 */
export function keepUnchanged<V extends { readonly context: string }>(
  previous: ReadonlyMap<string, V>,
  before: KubeConfig,
  after: KubeConfig,
  fingerprint: (config: KubeConfig, context: string) => string | undefined,
): Map<string, V> {
  const kept = new Map<string, V>();
  for (const [key, value] of previous) {
    const then = fingerprint(before, value.context);
    if (then !== undefined && then === fingerprint(after, value.context)) kept.set(key, value);
  }
  return kept;
}
