import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { Agent, request } from 'node:https';
import { expect, test as base, type ConsoleMessage } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { E2E_KUBECONFIG } from '../playwright.config';

const run = promisify(execFile);

/** Runs the real kubectl against the e2e sim (default context sim-admin). */
export async function kubectl(args: string[], context = 'sim-admin'): Promise<string> {
  const { stdout } = await run('kubectl', ['--kubeconfig', E2E_KUBECONFIG, '--context', context, ...args], {
    env: { ...process.env, KUBECACHEDIR: '/tmp/kd-e2e-kube-cache' },
    timeout: 30_000,
  });
  return stdout;
}

interface SimAccess {
  server: string;
  ca: string;
  adminToken: string;
}

function simAccess(): SimAccess {
  const kc = parseYaml(readFileSync(E2E_KUBECONFIG, 'utf8')) as {
    clusters: Array<{ cluster: { server: string; 'certificate-authority-data': string } }>;
    users: Array<{ name: string; user: { token: string } }>;
  };
  const cluster = kc.clusters[0]?.cluster;
  const admin = kc.users.find((u) => u.name === 'sim-admin');
  if (!cluster || !admin) throw new Error(`unexpected kubeconfig at ${E2E_KUBECONFIG}`);
  return {
    server: cluster.server,
    ca: Buffer.from(cluster['certificate-authority-data'], 'base64').toString(),
    adminToken: admin.user.token,
  };
}

/** The bearer token of a user entry of the e2e kubeconfig (`sim-admin`, `sim-viewer`, `kubeasz-idc-admin`…). */
export function kubeconfigToken(user: string): string {
  const kc = parseYaml(readFileSync(E2E_KUBECONFIG, 'utf8')) as {
    users: Array<{ name: string; user: { token?: string } }>;
  };
  const token = kc.users.find((u) => u.name === user)?.user.token;
  if (!token) throw new Error(`no ${user} token in ${E2E_KUBECONFIG}`);
  return token;
}

/** Calls the sim's own control API (POST /simctl/…), authenticated as sim-admin. */
async function simctl(pathAndQuery: string, method = 'POST'): Promise<number> {
  const { server, ca, adminToken } = simAccess();
  const url = new URL(pathAndQuery, server);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, agent: new Agent({ ca }), headers: { authorization: `Bearer ${adminToken}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Turns metrics-server off for the body of `fn`, and back on whatever happens. */
export async function withoutMetrics<T>(fn: () => Promise<T>): Promise<T> {
  if ((await simctl('/simctl/metrics?enabled=false')) >= 300) throw new Error('could not turn metrics off');
  try {
    return await fn();
  } finally {
    await simctl('/simctl/metrics?enabled=true');
  }
}

/**
 * Simulates an API-server outage for the body of `fn` (the sim answers 503 and drops its watches, see
 * sim/server/routes/simctl.ts), and ends it whatever happens.
 */
export async function withApiServerDown<T>(fn: () => Promise<T>): Promise<T> {
  if ((await simctl('/simctl/outage?enabled=true')) >= 300) throw new Error('could not start the outage');
  try {
    return await fn();
  } finally {
    await simctl('/simctl/outage?enabled=false');
  }
}

/**
 * Every spec imports `test` and `expect` from here, so every test fails on any error the browser logged: React's
 * hydration errors (#418), uncaught exceptions, failed resource loads. A test that provokes an error on purpose
 * (a 403 from a forbidden kubelet) declares it with `consoleErrors.allow(/pattern/)`, matched against the message
 * and the URL it came from; anything else still fails the test.
 */
export interface ConsoleErrors {
  allow(pattern: RegExp): void;
}

function describeMessage(m: ConsoleMessage): string {
  const url = m.location().url;
  return url ? `${m.text()} (${url})` : m.text();
}

export const test = base.extend<{ consoleErrors: ConsoleErrors }>({
  consoleErrors: [
    async ({ page }, use) => {
      const seen: string[] = [];
      const allowed: RegExp[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') seen.push(describeMessage(m));
      });
      page.on('pageerror', (err) => seen.push(`uncaught: ${err.message}`));
      await use({ allow: (pattern) => void allowed.push(pattern) });
      const unexpected = seen.filter((text) => !allowed.some((p) => p.test(text)));
      expect(unexpected, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
