import { describe, expect, it } from 'vitest';
import eks from './fixtures/managed/eks-nodeadm-kubelet-config.json';
import { budgetFindings } from './budget-findings';

const GiB = 1024n ** 3n;

describe('budgetFindings', () => {
  it('names the EKS model for the nodeadm config (upstream test data)', () => {
    const [f] = budgetFindings({
      capacity: { cpu: '2', memory: '7934460Ki', pods: '110' },
      allocatable: { cpu: '1930m', memory: '6334460Ki', pods: '110' },
      config: {
        kubeReserved: eks.kubeReserved,
        evictionHard: eks.evictionHard,
        maxPods: eks.maxPods,
      },
      kubeletMinor: 33,
    });
    expect(f?.tone).toBe('info');
    expect(f?.text).toContain('EKS (amazon-eks-ami)');
    expect(f?.text).toContain('11 MiB × 110 max pods + 255 MiB');
    expect(f?.text).toContain('cpu 70m');
  });
  it('names the AKS model from capacity − allocatable when configz cannot be read', () => {
    const [f] = budgetFindings({
      capacity: { cpu: '2', memory: '7120616Ki', pods: '110' },
      allocatable: { cpu: '1900m', memory: '4675304Ki', pods: '110' },
      config: null,
      kubeletMinor: 22,
    });
    expect(f?.text).toContain('AKS (before 1.29)');
    expect(f?.text).toContain('750 MiB eviction threshold');
  });
  it('warns, naming both values, when configz maxPods and the pods capacity disagree', () => {
    const [f] = budgetFindings({
      capacity: { cpu: '4', memory: '16Gi', pods: '58' },
      allocatable: { cpu: '4', memory: '16Gi', pods: '58' },
      config: { maxPods: 110 },
      kubeletMinor: 31,
    });
    expect(f).toMatchObject({ tone: 'warning' });
    expect(f?.text).toContain('maxPods is 110');
    expect(f?.text).toContain('pods capacity 58');
  });
  it('explains podsPerCore instead of warning', () => {
    const [f] = budgetFindings({
      capacity: { cpu: '4', pods: '40' },
      allocatable: {},
      config: { maxPods: 110, podsPerCore: 10 },
      kubeletMinor: 31,
    });
    expect(f).toMatchObject({ tone: 'info' });
    expect(f?.text).toContain('podsPerCore 10 × 4 cores caps pods at 40');
  });
  it('warns when the nodefs threshold means different amounts in the budget and the eviction table', () => {
    const [f] = budgetFindings({
      capacity: { 'ephemeral-storage': String(20n * GiB) },
      allocatable: {},
      config: { evictionHard: { 'nodefs.available': '10%' } },
      kubeletMinor: 31,
      summary: { nodefsCapacityBytes: 466n * GiB },
    });
    expect(f?.tone).toBe('warning');
    expect(f?.text).toContain('20 GiB');
    expect(f?.text).toContain('466 GiB');
    expect(f?.text).toMatch(/2 GiB in the budget .* 46\.6 GiB in the eviction table/);
  });
  it('warns when the Summary reports more memory available than the capacity', () => {
    const [f] = budgetFindings({
      capacity: { memory: '8Gi' },
      allocatable: {},
      config: {},
      kubeletMinor: 31,
      summary: { memoryAvailableBytes: 9n * GiB },
    });
    expect(f?.text).toContain('9 GiB of memory available, more than the Node');
  });
});
