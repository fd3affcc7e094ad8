import { describe, expect, it } from 'vitest';
import { kubeadmEvidence } from './kubeadm-node';

describe('kubeadmEvidence', () => {
  it("recognises kubeadm's CRI-socket annotation", () => {
    const e = kubeadmEvidence({
      'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
    });
    expect(e.kubeadm).toBe(true);
    expect(e.reason).toMatch(/^Ticked by default: .*cri-socket/);
  });
  it('does not assume kubeadm for an ACK- or EKS-style node', () => {
    const e = kubeadmEvidence({ 'node.alpha.kubernetes.io/ttl': '0' });
    expect(e.kubeadm).toBe(false);
    expect(e.reason).toMatch(/^Not ticked by default: .*no kubeadm\.alpha\.kubernetes\.io\/cri-socket annotation/);
  });
});
