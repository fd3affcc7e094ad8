/**
 * Real kubectl binaries (the default one, 1.27 and 1.33) against a demo sim: every answer must be one
 * kubectl accepts exactly as it accepts a real cluster's.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEMO_NODES } from '../fleet/demo-layout';
import { startSim, type SimHandle } from './start';
import { call, csrManifest } from './testing/client';
import { KUBECTLS, kubectl, kubectlUntil } from './testing/kubectl';

let sim: SimHandle;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sim-kubectl-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  sim = await startSim({ scenario: 'demo', port: 0, kubeconfigPath: kubeconfig, tickMs: 0 });
});

afterAll(async () => {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

describe.each(KUBECTLS)('kubectl $label', ({ label, bin }) => {
  const cache = () => path.join(dir, `cache-${label}`);
  const run = (...args: string[]) => kubectl(bin, kubeconfig, cache(), args);
  const csrA = `sim-${label.replace('.', '')}-a`;
  const csrB = `sim-${label.replace('.', '')}-b`;
  const csrC = `sim-${label.replace('.', '')}-c`;

  it('get nodes prints the real columns and each node status', async () => {
    const r = await run('get', 'nodes');
    expect(r.stderr).toBe('');
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header?.split(/\s+/)).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
    expect(rows.find((l) => l.startsWith(`${DEMO_NODES.notReady} `))?.split(/\s+/)[1]).toBe('NotReady');
    expect(rows.find((l) => l.startsWith(`${DEMO_NODES.controlPlane} `))?.split(/\s+/)[2]).toBe('control-plane');
    expect(rows).toHaveLength(sim.fleet.nodes.length);
  });

  it('get nodes -o wide adds the addresses, OS image, kernel and runtime', async () => {
    const r = await run('get', 'nodes', '-o', 'wide');
    expect(
      r.stdout
        .split('\n')[0]
        ?.split(/\s{2,}/)
        .map((s) => s.trim()),
    ).toEqual([
      'NAME',
      'STATUS',
      'ROLES',
      'AGE',
      'VERSION',
      'INTERNAL-IP',
      'EXTERNAL-IP',
      'OS-IMAGE',
      'KERNEL-VERSION',
      'CONTAINER-RUNTIME',
    ]);
  });

  it('get --raw reaches configz and stats/summary through the node proxy', async () => {
    const configz = await run('get', '--raw', `/api/v1/nodes/${DEMO_NODES.kubeadmClean[0]}/proxy/configz`);
    expect(JSON.parse(configz.stdout)).toHaveProperty('kubeletconfig');
    const summary = await run('get', '--raw', `/api/v1/nodes/${DEMO_NODES.kubeadmClean[0]}/proxy/stats/summary`);
    expect(JSON.parse(summary.stdout)).toHaveProperty('node');
  });

  it('get --raw of an unknown proxy path is NotFound', async () => {
    const r = await run('get', '--raw', `/api/v1/nodes/${DEMO_NODES.kubeadmClean[0]}/proxy/foo`);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Error from server (NotFound)');
  });

  it('an unreachable kubelet shows the apiserver dial error', async () => {
    const r = await run('get', '--raw', `/api/v1/nodes/${DEMO_NODES.unreachable}/proxy/configz`);
    expect(r.stderr).toMatch(
      /Error from server \(ServiceUnavailable\): error trying to reach service: dial tcp [\d.]+:10250: connect: no route to host/,
    );
  });

  it('top nodes prints usage', async () => {
    const r = await run('top', 'nodes');
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU(\(%\)|%)\s+MEMORY\(bytes\)\s+MEMORY(\(%\)|%)/);
    expect(r.stdout).toContain(DEMO_NODES.kubeadmClean[0]);
  });

  it('top pods -A prints pod usage', async () => {
    const r = await run('top', 'pods', '-A');
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/);
  });

  it('create, get, approve and deny CSRs', async () => {
    const file = path.join(dir, `${csrA}.yaml`);
    const manifests = await Promise.all([csrA, csrB, csrC].map((n) => csrManifest(n)));
    await writeFile(file, manifests.map((m) => stringify(m)).join('---\n'));
    const create = await run('create', '-f', file);
    expect(create.stderr).toBe('');
    expect(create.stdout).toContain(`certificatesigningrequest.certificates.k8s.io/${csrA} created`);
    const before = await run('get', 'csr');
    expect(before.stdout.split('\n')[0]?.split(/\s+/)).toEqual([
      'NAME',
      'AGE',
      'SIGNERNAME',
      'REQUESTOR',
      'REQUESTEDDURATION',
      'CONDITION',
    ]);
    expect(before.stdout).toMatch(
      new RegExp(`${csrA}\\s+\\S+\\s+kubernetes.io/kubelet-serving\\s+sim-admin\\s+<none>\\s+Pending`),
    );

    expect((await run('certificate', 'approve', csrA)).stdout).toContain('approved');
    expect((await run('certificate', 'deny', csrB)).stdout).toContain('denied');
    const after = await run('get', 'csr');
    expect(after.stdout).toMatch(new RegExp(`${csrA}\\s.*\\sApproved`));
    expect(after.stdout).toMatch(new RegExp(`${csrB}\\s.*\\sDenied`));
  });

  it('the viewer gets the usual Forbidden error when approving', async () => {
    const r = await run('--context', 'sim-viewer', 'certificate', 'approve', csrC);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      `Error from server (Forbidden): certificatesigningrequests.certificates.k8s.io "${csrC}" is forbidden: User "sim-viewer" cannot update resource "certificatesigningrequests/approval" in API group "certificates.k8s.io" at the cluster scope`,
    );
  });

  it('auth can-i tells the truth for both contexts', async () => {
    const canI = async (context: string, ...args: string[]) =>
      (await run('--context', context, 'auth', 'can-i', ...args)).stdout.trim();
    expect(await canI('sim-admin', 'update', 'certificatesigningrequests/approval')).toBe('yes');
    expect(await canI('sim-viewer', 'update', 'certificatesigningrequests/approval')).toBe('no');
    expect(await canI('sim-admin', 'approve', 'signers.certificates.k8s.io/kubernetes.io/kubelet-serving')).toBe('yes');
    expect(await canI('sim-viewer', 'approve', 'signers.certificates.k8s.io/kubernetes.io/kubelet-serving')).toBe('no');
    expect(await canI('sim-viewer', 'get', 'nodes/proxy')).toBe('yes');
    expect(await canI('sim-viewer', 'delete', 'certificatesigningrequests')).toBe('no');
    expect(await canI('sim-viewer', 'get', 'configmaps', '-n', 'kube-system')).toBe('yes');
    expect(await canI('sim-viewer', 'get', 'configmaps', '-n', 'default')).toBe('no');
  });

  it('get nodes --watch receives an event as the fleet ticks', async () => {
    const rowsBefore = sim.fleet.nodes.length + 1;
    // jump simulated time past nodeStatusReportFrequency so every kubelet posts a fresh status
    let minutes = 0;
    const ticker = setInterval(() => void sim.tick(new Date(Date.now() + (minutes += 6) * 60_000)), 300);
    try {
      const out = await kubectlUntil(
        bin,
        kubeconfig,
        cache(),
        ['get', 'nodes', '--watch'],
        (o) => o.trim().split('\n').length > rowsBefore,
      );
      expect(out.trim().split('\n').length).toBeGreaterThan(rowsBefore);
    } finally {
      clearInterval(ticker);
    }
  });

  // kubectl's discovery client reads the 401 Status as an unstructured error, so recent kubectl prints
  // client-go's generic 401 text (as it does against real clusters) where older ones printed "Unauthorized"
  it('a wrong token must log in again', async () => {
    const bad = path.join(dir, `bad-${label}`);
    await writeFile(bad, (await readFile(kubeconfig, 'utf8')).replaceAll(sim.tokens.admin, 'not-a-token'));
    const r = await kubectl(bin, bad, path.join(dir, `cache-bad-${label}`), ['get', 'nodes']);
    expect(r.stderr).toMatch(
      /error: You must be logged in to the server \((Unauthorized|the server has asked for the client to provide credentials)\)/,
    );
  });

  it('top nodes without metrics-server says the Metrics API is not available', async () => {
    expect((await call(sim, 'POST', '/simctl/metrics?enabled=false', { token: sim.tokens.admin })).status).toBe(200);
    try {
      const r = await kubectl(bin, kubeconfig, path.join(dir, `cache-nometrics-${label}`), ['top', 'nodes']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('error: Metrics API not available');
    } finally {
      await call(sim, 'POST', '/simctl/metrics?enabled=true', { token: sim.tokens.admin });
    }
  });
});
