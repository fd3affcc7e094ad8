/**
 * The demo's several clusters (demo-clusters.ts): one kubeconfig, each reachable context answered by its own
 * cluster to the real kubectl, and the two contexts broken on purpose failing the way a real client reports.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO_CLUSTER_NODES, DEMO_CLUSTER_VERSIONS, DEMO_CONTEXTS } from '../fleet/demo-clusters';
import { DEMO_NODES } from '../fleet/demo-layout';
import type { SimClusters } from './clusters';
import { startDemoClusters } from './demo-clusters';
import { kubectl } from './testing/kubectl';

let clusters: SimClusters;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sim-clusters-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  clusters = await startDemoClusters({ kubeconfigPath: kubeconfig, stateDir: dir });
});

afterAll(async () => {
  await clusters?.close();
  await rm(dir, { recursive: true, force: true });
});

const run = (context: string, ...args: string[]) =>
  kubectl('kubectl', kubeconfig, path.join(dir, `cache-${context}`), ['--context', context, ...args]);

describe('the demo kubeconfig', () => {
  it('names every cluster and both broken contexts, current context the first cluster', () => {
    const kc = parse(clusters.kubeconfig) as { contexts: Array<{ name: string }>; 'current-context': string };
    expect(kc.contexts.map((c) => c.name)).toEqual([
      DEMO_CONTEXTS.primary,
      DEMO_CONTEXTS.primaryViewer,
      DEMO_CONTEXTS.kubeasz,
      DEMO_CONTEXTS.ack,
      DEMO_CONTEXTS.unreachable,
      DEMO_CONTEXTS.badCredentials,
    ]);
    expect(kc['current-context']).toBe(DEMO_CONTEXTS.primary);
    // separate clusters: separate ports and CAs
    const urls = new Set(clusters.clusters.map((c) => c.sim.url));
    const cas = new Set(clusters.clusters.map((c) => c.sim.caPem));
    expect(urls.size).toBe(3);
    expect(cas.size).toBe(3);
  });
});

describe('kubectl against each reachable context', () => {
  it('the first cluster is the demo cast', async () => {
    const r = await run(DEMO_CONTEXTS.primary, 'get', 'nodes', '-o', 'name');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`node/${DEMO_NODES.controlPlane}`);
  });

  it('the kubeasz cluster names its nodes by IP and reports its own server version', async () => {
    const nodes = await run(DEMO_CONTEXTS.kubeasz, 'get', 'nodes');
    expect(nodes.stderr).toBe('');
    const rows = nodes.stdout.trim().split('\n').slice(1);
    expect(rows.map((l) => l.split(/\s+/)[0]).sort()).toEqual(
      [DEMO_CLUSTER_NODES.kubeasz.master, ...DEMO_CLUSTER_NODES.kubeasz.workers].sort(),
    );
    expect(rows.find((l) => l.startsWith(`${DEMO_CLUSTER_NODES.kubeasz.notReady} `))?.split(/\s+/)[1]).toBe('NotReady');
    const version = await run(DEMO_CONTEXTS.kubeasz, 'version', '-o', 'json');
    expect((JSON.parse(version.stdout) as { serverVersion: { gitVersion: string } }).serverVersion.gitVersion).toBe(
      DEMO_CLUSTER_VERSIONS.kubeasz,
    );
    // no kubeadm here: no kube-system/kubelet-config ConfigMap
    const cm = await run(DEMO_CONTEXTS.kubeasz, 'get', 'configmap', '-n', 'kube-system', 'kubelet-config');
    expect(cm.code).not.toBe(0);
    expect(cm.stderr).toContain('NotFound');
  });

  it('the ACK cluster has its CSR flood pending', async () => {
    const r = await run(DEMO_CONTEXTS.ack, 'get', 'csr', '-o', 'json');
    expect(r.stderr).toBe('');
    const list = JSON.parse(r.stdout) as { items: Array<{ status?: { conditions?: unknown[] } }> };
    const pending = list.items.filter((c) => !c.status?.conditions?.length);
    expect(pending.length).toBeGreaterThanOrEqual(40);
    const version = await run(DEMO_CONTEXTS.ack, 'version', '-o', 'json');
    expect(JSON.parse(version.stdout)).toMatchObject({ serverVersion: { gitVersion: DEMO_CLUSTER_VERSIONS.ack } });
  });
});

describe('the contexts broken on purpose', () => {
  it('the unreachable one is refused', async () => {
    const r = await run(DEMO_CONTEXTS.unreachable, 'get', 'nodes', '--request-timeout', '5s');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/connection refused/);
  });

  it('the bad credentials are rejected by the kubeasz server with 401', async () => {
    const r = await run(DEMO_CONTEXTS.badCredentials, 'get', 'nodes');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Unauthorized|must be logged in/);
  });
});
