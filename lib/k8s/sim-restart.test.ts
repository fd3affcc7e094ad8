import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { DEMO_NODES } from '@/sim/fleet/demo-layout';
import { startSim, type SimHandle, type StartSimOptions } from '@/sim/server/start';
import { getKube, resetKubeCacheForTests } from './client';
import { getKubeletConfigz } from './kubelet';
import { listNodes } from './nodes';

/**
 * An API server restart must not strand a running dashboard: the sim keeps its CA, serving certificate, tokens and
 * port in its state directory (sim/server/state-dir.ts), as a real cluster keeps its CA, so the same Kube — same
 * trust, same token, same pooled keep-alive agent — reads again once the server is back.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-restart-'));
const kubeconfigPath = path.join(dir, 'kubeconfig');
const opts: StartSimOptions = { scenario: 'demo', port: 0, tickMs: 0, kubeconfigPath, stateDir: dir };
let sim: SimHandle | undefined;

beforeAll(() => {
  resetEnvForTests();
  resetKubeCacheForTests();
});
afterAll(async () => {
  await sim?.close();
  resetKubeCacheForTests();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('API server restart', () => {
  it('a running dashboard reads again from a restarted sim, with nothing reloaded', async () => {
    sim = await startSim(opts);
    const kube = getKube({ kubeconfigPath, context: 'sim-viewer' });
    const node = DEMO_NODES.kubeadmClean[0];
    const names = (await listNodes(kube)).map((n) => n.name);
    expect(names).toContain(node);
    expect((await getKubeletConfigz(kube, node)).kubeletconfig).toBeDefined();
    const { port, caPem, tokens } = sim;
    const kubeconfig = fs.readFileSync(kubeconfigPath, 'utf8');

    await sim.close();
    sim = undefined;
    await expect(listNodes(kube)).rejects.toMatchObject({ reason: 'ServiceUnavailable' });

    sim = await startSim(opts);
    expect({ port: sim.port, caPem: sim.caPem, tokens: sim.tokens }).toEqual({ port, caPem, tokens });
    expect(fs.readFileSync(kubeconfigPath, 'utf8')).toBe(kubeconfig);
    expect(getKube({ kubeconfigPath, context: 'sim-viewer' })).toBe(kube);
    expect((await listNodes(kube)).map((n) => n.name)).toEqual(names);
    expect((await getKubeletConfigz(kube, node)).kubeletconfig).toBeDefined();
    expect(fs.statSync(path.join(dir, 'sim-state.json')).mode & 0o777).toBe(0o600);
  });

  it('without a state directory every start is a new cluster (the tests default)', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-restart-fresh-'));
    const a = await startSim({ ...opts, kubeconfigPath: path.join(other, 'kubeconfig'), stateDir: undefined });
    await a.close();
    const b = await startSim({ ...opts, kubeconfigPath: path.join(other, 'kubeconfig'), stateDir: undefined });
    await b.close();
    expect(b.caPem).not.toBe(a.caPem);
    expect(b.tokens).not.toEqual(a.tokens);
    fs.rmSync(other, { recursive: true, force: true });
  });
});
