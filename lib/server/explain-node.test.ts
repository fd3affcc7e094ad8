import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExplainRequestSchema, ExplainResponseSchema } from '@/lib/api/provenance';
import { AppError } from '@/lib/errors';
import { getKube } from '@/lib/k8s/client';
import { DEMO_NODES } from '@/sim/fleet/demo-layout';
import { startSim, type SimHandle } from '@/sim/server/start';
import { explainForNode } from './explain-node';

/** The explain orchestration against the simulated cluster: version, live configz and the kubeadm ConfigMap. */
let sim: SimHandle;
let dir: string;
const admin = () => getKube({ kubeconfigPath: sim.kubeconfigPath, context: 'sim-admin' });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-prov-'));
  sim = await startSim({ scenario: 'demo', port: 0, kubeconfigPath: path.join(dir, 'kubeconfig') });
});
afterAll(async () => {
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const body = (content: string) =>
  ExplainRequestSchema.parse({
    inputs: [{ kind: 'auto', path: '/etc/systemd/system/kubelet.service.d/20-extra.conf', content }],
  });
const DROP_IN =
  '[Service]\nEnvironment="KUBELET_EXTRA_ARGS=--max-pods=64 --network-plugin=cni"\nExecStart=\nExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml $KUBELET_EXTRA_ARGS\n';

describe('explainForNode', () => {
  it('explains k8s-worker-3’s maxPods from the drop-in over the kubeadm ConfigMap', async () => {
    const r = ExplainResponseSchema.parse(await explainForNode(admin(), DEMO_NODES.driftMaxPods, body(DROP_IN)));
    expect(r.liveCompared).toBe(true);
    expect(r.configMap).toBe('kube-system/kubelet-config');
    const maxPods = r.fields.find((f) => f.path === 'maxPods');
    expect(maxPods).toMatchObject({
      status: 'explained',
      live: 64,
      source: 'flag: --max-pods from KUBELET_EXTRA_ARGS (/etc/systemd/system/kubelet.service.d/20-extra.conf)',
    });
    expect(maxPods?.overridden.at(-1)).toEqual({ value: 32, source: 'ConfigMap kube-system/kubelet-config' });
    expect(r.warnings.find((w) => w.code === 'removed-flag')?.flag).toBe('network-plugin');
  });
  it('still answers with the prediction when the kubelet is unreachable', async () => {
    const r = await explainForNode(admin(), DEMO_NODES.unreachable, body(DROP_IN));
    expect(r.liveCompared).toBe(false);
    expect(r.liveUnavailable?.code).toBeGreaterThanOrEqual(500);
    expect(r.fields.find((f) => f.path === 'maxPods')).toMatchObject({ status: 'predicted', predicted: 64 });
  });
  it('is a 404 for a node that does not exist', async () => {
    await expect(explainForNode(admin(), 'no-such-node', body(DROP_IN))).rejects.toMatchObject({ code: 404 });
  });
  it('never logs pasted text, even when the explainer fails', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const explain = await import('@/lib/domain/provenance/explain');
    const boom = vi.spyOn(explain, 'explainKubeletConfig').mockImplementation(() => {
      throw new Error('secret abcdef.0123456789abcdef in the paste');
    });
    const err = await explainForNode(admin(), DEMO_NODES.driftMaxPods, body(DROP_IN)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).not.toContain('abcdef');
    expect(spy.mock.calls.flat().join(' ')).not.toContain('0123456789abcdef');
    boom.mockRestore();
    spy.mockRestore();
  });
});
