import 'server-only';
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';

/**
 * Keep-alive agents for rawGet, one per set of TLS material. client-node's applyToHTTPSOptions builds a new
 * Agent on every call, so each request paid a TCP + TLS handshake (and the CA/key parse behind it): a
 * 5,000-node sweep opened 5,000 connections to the apiserver. Reusing up to `maxSockets` connections per
 * apiserver makes the sweep cost what the kubelets cost, and keeps memory flat.
 */

/** Above the fleet pool's hard cap (64), so single-node pages never queue behind a sweep inside the agent. */
const MAX_SOCKETS = 96;
/**
 * Idle connections are closed after this. kube-apiserver closes idle connections after 90 s and sends no
 * Keep-Alive hint; staying well below avoids reusing a socket the server is closing (a reset then is
 * retried by the fleet's policy anyway, reads being idempotent).
 */
const IDLE_MS = 30_000;
/** Distinct credentials held at once (contexts × users); the oldest agent is closed beyond this. */
const MAX_AGENTS = 64;

type TlsOptions = Pick<
  https.AgentOptions,
  'ca' | 'cert' | 'key' | 'pfx' | 'passphrase' | 'rejectUnauthorized' | 'servername'
>;

const agents = new Map<string, http.Agent>();

function fingerprint(protocol: string, tls: TlsOptions): string {
  const h = createHash('sha256');
  h.update(protocol);
  for (const k of ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'servername'] as const) {
    const v = tls[k];
    h.update(`\0${k}=`);
    if (v === undefined) continue;
    for (const part of Array.isArray(v) ? v : [v])
      h.update(
        typeof part === 'object' && part !== null && !Buffer.isBuffer(part) ? JSON.stringify(part) : String(part),
      );
  }
  return h.digest('hex');
}

/**
 * The shared keep-alive agent for these TLS options (`protocol` "https:" or "http:"). The TLS material is part
 * of the key, so a rotated client certificate (exec plugin, kubeconfig edit) gets a fresh agent; bearer
 * tokens travel in headers and never in the agent, so users sharing a cluster share its connections
 * without sharing credentials.
 */
export function keepAliveAgent(protocol: string, tls: TlsOptions): http.Agent {
  const key = fingerprint(protocol, tls);
  const found = agents.get(key);
  if (found) {
    agents.delete(key); // re-insert: Map order is the LRU order
    agents.set(key, found);
    return found;
  }
  const common = {
    keepAlive: true,
    maxSockets: MAX_SOCKETS,
    maxFreeSockets: MAX_SOCKETS,
    timeout: IDLE_MS,
    scheduling: 'lifo' as const,
  };
  const agent =
    protocol === 'http:' ? new http.Agent(common) : new SharedContextAgent({ ...common, ...definedOnly(tls) }, tls);
  agents.set(key, agent);
  while (agents.size > MAX_AGENTS) {
    const [oldestKey, oldest] = agents.entries().next().value as [string, http.Agent];
    agents.delete(oldestKey);
    oldest.destroy();
  }
  return agent;
}

/**
 * An https.Agent whose connections share one TLS context. Without it tls.connect builds a SecureContext per
 * connection, parsing the CA bundle and key again each time: with 20 clusters opening their connections at once
 * that was 1.5 s of the server's main thread in a 16 s CPU profile of the fleet overview (BENCHMARKS.md
 * `clusters`). The context is made on the first connection, so an agent that never connects costs nothing, and
 * material tls cannot load is left to tls.connect, which then fails that connection with its own error.
 */
class SharedContextAgent extends https.Agent {
  private context: tls.SecureContext | undefined;

  constructor(
    options: https.AgentOptions,
    private readonly material: TlsOptions,
  ) {
    super(options);
  }

  override createConnection(...[options, callback]: Parameters<https.Agent['createConnection']>) {
    if (!this.context) {
      try {
        const { ca, cert, key, pfx, passphrase } = this.material;
        this.context = tls.createSecureContext(definedOnly({ ca, cert, key, pfx, passphrase }));
      } catch {
        // tls.connect below reports it, on this connection
      }
    }
    // https.Agent hands these options to tls.connect, which takes `secureContext` instead of building one from
    // ca/cert/key (node:_tls_wrap); @types/node's https.RequestOptions does not list the tls.connect-only field
    const withContext = this.context ? ({ ...options, secureContext: this.context } as typeof options) : options;
    return super.createConnection(withContext, callback);
  }

  /** @internal for tests: whether connections share a context yet */
  get sharedContext(): tls.SecureContext | undefined {
    return this.context;
  }
}

/** https.Agent treats an explicit `undefined` differently from a missing key for some options. */
function definedOnly(tls: TlsOptions): TlsOptions {
  return Object.fromEntries(Object.entries(tls).filter(([, v]) => v !== undefined)) as TlsOptions;
}

/**
 * Agents currently held (tests).
 * @internal for tests
 */
export const agentCountForTests = (): number => agents.size;

/** @internal exported for its unit tests */
export function resetAgentsForTests(): void {
  for (const a of agents.values()) a.destroy();
  agents.clear();
}
