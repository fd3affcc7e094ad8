/**
 * What kube-controller-manager's csrsigning controller does for the kubernetes.io signers it owns:
 * shortly after approval it issues the certificate (status.certificate), or marks the CSR Failed.
 */
import type { KubeObject } from '../fleet/types';
import type { SimState } from './state';

const OWNED_SIGNERS = [
  'kubernetes.io/kubelet-serving',
  'kubernetes.io/kube-apiserver-client-kubelet',
  'kubernetes.io/kube-apiserver-client',
];
const SERVING_USAGES = ['digital signature', 'key encipherment', 'server auth'];
const SIGN_DELAY_MS = 300;
const DEFAULT_VALIDITY_S = 365 * 24 * 3600;

interface CsrWire {
  spec: { request: string; signerName: string; usages?: string[]; expirationSeconds?: number };
  status?: {
    conditions?: Array<{
      type: string;
      status?: string;
      reason?: string;
      message?: string;
      lastUpdateTime?: string;
      lastTransitionTime?: string;
    }>;
    certificate?: string;
  };
}

const wire = (o: KubeObject) => o as unknown as KubeObject & CsrWire;

function needsSigning(obj: KubeObject): boolean {
  const csr = wire(obj);
  const types = new Set((csr.status?.conditions ?? []).map((c) => c.type));
  return (
    types.has('Approved') &&
    !types.has('Denied') &&
    !types.has('Failed') &&
    !csr.status?.certificate &&
    OWNED_SIGNERS.includes(csr.spec.signerName)
  );
}

async function issue(sim: SimState, name: string): Promise<void> {
  const current = sim.csrs.store.get(name);
  if (!current || !needsSigning(current)) return;
  const csr = wire(current);
  const usages = csr.spec.usages ?? [];
  const status = { ...(csr.status ?? {}) };
  try {
    const bad =
      csr.spec.signerName === 'kubernetes.io/kubelet-serving' ? usages.filter((u) => !SERVING_USAGES.includes(u)) : [];
    if (bad.length) throw new Error(`invalid usage for kubelet-serving certificate: ${bad.join(', ')}`);
    const pem = Buffer.from(csr.spec.request, 'base64').toString('utf8');
    const cert = await sim.ca.sign(pem, usages, csr.spec.expirationSeconds ?? DEFAULT_VALIDITY_S);
    status.certificate = Buffer.from(cert).toString('base64');
  } catch (e) {
    const now = new Date().toISOString();
    const message = e instanceof Error ? e.message : 'signing failed';
    status.conditions = [
      ...(status.conditions ?? []),
      {
        type: 'Failed',
        status: 'True',
        reason: 'SignerValidationFailure',
        message,
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
    ];
  }
  sim.csrs.store.put({ ...current, metadata: { ...current.metadata }, status });
}

export function scheduleSigning(sim: SimState, name: string): void {
  setTimeout(() => void issue(sim, name).catch(() => undefined), SIGN_DELAY_MS).unref();
}
