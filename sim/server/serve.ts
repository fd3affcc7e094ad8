/**
 * Serves a Fleet over HTTPS: CA and serving certificate, stores, the apiserver pipeline, the fleet's
 * clock, and the kubeconfig, written only once the port is listening.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Fleet } from '../fleet/types';
import type { Rule } from './authz';
import { newToken, renderKubeconfig, usersByToken, writeKubeconfig, type Tokens } from './client-credentials';
import { createHandler } from './server';
import { SimState, type SimStats } from './state';
import { readSavedState, writeSavedState } from './state-dir';
import { createAuthority } from './tls';

export interface ServeOptions {
  port?: number;
  host?: string;
  kubeconfigPath?: string;
  /** fleet tick period; 0 disables ticking */
  tickMs?: number;
  /** extra users with exactly these rules (plus what every authenticated user has); not in the kubeconfig */
  users?: ExtraUser[];
  /**
   * Keep the CA, serving certificate, tokens and port here across restarts (sim/server/state-dir.ts), so clients of
   * the previous run reconnect. Without it every start is a new cluster (tests).
   */
  stateDir?: string;
}

export interface ExtraUser {
  name: string;
  groups?: string[];
  rules: Rule[];
}

export interface SimHandle {
  url: string;
  port: number;
  kubeconfigPath: string | undefined;
  kubeconfig: string;
  caPem: string;
  tokens: Tokens;
  /** bearer token of each extra user, by name */
  userTokens: Record<string, string>;
  fleet: Fleet;
  state: SimState;
  stats(): SimStats;
  resetStats(): void;
  /** runs one fleet tick at `now` (default: the current time), as the periodic timer does */
  tick(now?: Date): Promise<void>;
  close(): Promise<void>;
}

export async function serveFleet(fleet: Fleet, opts: ServeOptions = {}): Promise<SimHandle> {
  const saved = opts.stateDir ? await readSavedState(opts.stateDir) : undefined;
  const ca = await createAuthority(new Date(), saved?.authority);
  const sim = new SimState(fleet, ca);
  const tokens: Tokens = saved?.tokens ?? { admin: newToken(), viewer: newToken() };
  const users = usersByToken(tokens);
  const userTokens: Record<string, string> = {};
  for (const u of opts.users ?? []) {
    const token = newToken();
    userTokens[u.name] = token;
    users.set(token, { name: u.name, groups: [...(u.groups ?? []), 'system:authenticated'], rules: u.rules });
  }
  const host = opts.host ?? '127.0.0.1';
  let address = '';
  const server = createServer(
    { cert: ca.servingCertPem, key: ca.servingKeyPem, keepAliveTimeout: 60_000 },
    createHandler(sim, users, () => address),
  );
  server.on('secureConnection', () => void sim.stats.tlsConnections++);
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  const asked = opts.port ?? 0;
  if (asked === 0 && saved?.port) {
    // the previous run's address, so its kubeconfig still points here; taken by someone else: any free port
    await listen(saved.port).catch(() => listen(0));
  } else await listen(asked);
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  address = `${urlHost}:${port}`;
  const url = `https://${address}`;
  const kubeconfig = renderKubeconfig(url, ca.caPem, tokens);
  if (opts.stateDir) await writeSavedState(opts.stateDir, { version: 1, authority: ca.saved, tokens, port });
  if (opts.kubeconfigPath) await writeKubeconfig(opts.kubeconfigPath, kubeconfig);

  let ticking = false;
  const tick = async (now = new Date()) => {
    if (ticking) return;
    ticking = true;
    try {
      await sim.tick(now);
    } finally {
      ticking = false;
    }
  };
  const tickMs = opts.tickMs ?? 5000;
  const timer =
    tickMs > 0
      ? setInterval(() => void tick().catch((e: unknown) => console.error('[sim] tick failed', e)), tickMs)
      : undefined;
  timer?.unref();

  return {
    url,
    port,
    kubeconfigPath: opts.kubeconfigPath,
    kubeconfig,
    caPem: ca.caPem,
    tokens,
    userTokens,
    fleet,
    state: sim,
    stats: () => ({ ...sim.stats, requestsByKind: { ...sim.stats.requestsByKind } }),
    resetStats: () => {
      sim.stats = { ...SimState.emptyStats(), inFlightProxy: sim.stats.inFlightProxy };
    },
    tick,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
