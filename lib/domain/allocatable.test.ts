import { describe, expect, it } from 'vitest';
import { computeNodeBudget, cpuSetSize, schedulingHeadroom } from './allocatable';

const Ki = 1024n;
const Mi = 1024n * 1024n;

const texts = (b: { explanations: Array<{ text: string }> } | undefined) =>
  (b?.explanations ?? []).map((e) => e.text).join(' ');

describe('computeNodeBudget', () => {
  it('reproduces the AKS worked example (mihai-albert.com, 2022): 7120616Ki − 1638Mi − 750Mi = 4675304Ki', () => {
    const [, memory] = computeNodeBudget({
      capacity: { cpu: '2', memory: '7120616Ki', 'ephemeral-storage': '129886128Ki', pods: '110' },
      allocatable: { cpu: '1900m', memory: '4675304Ki', 'ephemeral-storage': '119703055367', pods: '110' },
      config: {
        kubeReserved: { cpu: '100m', memory: '1638Mi' },
        evictionHard: { 'memory.available': '750Mi', 'nodefs.available': '10%' },
      },
    });
    expect(memory?.kubeReserved).toBe(1677312n * Ki);
    expect(memory?.evictionHard).toBe(768000n * Ki);
    expect(memory?.computedAllocatable).toBe(4675304n * Ki);
    expect(memory?.difference).toBe(0n);
    expect(memory?.explanations[0]).toMatchObject({ tone: 'ok', text: expect.stringMatching(/matches/) });
  });
  it('adds up for a kubeadm node with cpu/memory reservations and the default thresholds', () => {
    const budget = computeNodeBudget({
      capacity: { cpu: '4', memory: '16393220Ki', 'ephemeral-storage': '101430960Ki' },
      allocatable: { cpu: '3500m', memory: '15163396Ki', 'ephemeral-storage': '93478772582' },
      config: {
        kubeReserved: { cpu: '250m', memory: '512Mi' },
        systemReserved: { cpu: '250m', memory: '512Mi' },
        evictionHard: { 'memory.available': '100Mi', 'nodefs.available': '10%' },
      },
      requests: { cpu: 1200n, memory: 2048n * Mi },
    });
    const byRes = Object.fromEntries(budget.map((b) => [b.resource, b]));
    expect(byRes.cpu?.computedAllocatable).toBe(3500n);
    expect(byRes.cpu?.difference).toBe(0n);
    expect(byRes.memory?.computedAllocatable).toBe(16393220n * Ki - 1024n * Mi - 100n * Mi);
    expect(byRes['ephemeral-storage']?.evictionHard).toBe(10386530458n); // float32 10% of 103865303040 (exact: 10386530304)
    expect(byRes['ephemeral-storage']?.computedAllocatable).toBe(93478772582n);
    expect(byRes['ephemeral-storage']?.difference).toBe(0n);
    expect(schedulingHeadroom(byRes.cpu!)).toBe(2300n);
  });
  it('lets reservedSystemCPUs replace the cpu reservations', () => {
    const [cpu] = computeNodeBudget({
      capacity: { cpu: '8' },
      allocatable: { cpu: '6' },
      config: { reservedSystemCPUs: '0-1', kubeReserved: { cpu: '500m' }, systemReserved: { cpu: '500m' } },
    });
    expect(cpu?.systemReserved).toBe(2000n);
    expect(cpu?.kubeReserved).toBe(0n);
    expect(cpu?.computedAllocatable).toBe(6000n);
    expect(texts(cpu)).toMatch(/reservedSystemCPUs/);
  });
  it('explains --experimental-allocatable-ignore-eviction', () => {
    const [, memory] = computeNodeBudget({
      capacity: { memory: '8Gi' },
      allocatable: { memory: '8Gi' },
      config: { evictionHard: { 'memory.available': '100Mi' } },
    });
    expect(memory?.difference).toBe(100n * Mi);
    expect(memory?.explanations[0]?.text).toMatch(/experimental-allocatable-ignore-eviction/);
  });
  it('subtracts huge pages and clamps at zero', () => {
    const [, memory] = computeNodeBudget({
      capacity: { memory: '4Gi', 'hugepages-2Mi': '1Gi' },
      allocatable: { memory: '3Gi' },
      config: {},
    });
    expect(memory?.hugePages).toBe(1024n * Mi);
    expect(memory?.computedAllocatable).toBe(3072n * Mi);
    const [, tiny] = computeNodeBudget({
      capacity: { memory: '50Mi' },
      allocatable: {},
      config: { kubeReserved: { memory: '1Gi' } },
    });
    expect(tiny?.computedAllocatable).toBe(0n);
    expect(tiny?.reportedAllocatable).toBeNull();
  });
  it('budgets pids from the Summary pid limit with kube/system reservations', () => {
    const pid = computeNodeBudget({
      capacity: {},
      allocatable: {},
      config: { kubeReserved: { pid: '1000' }, systemReserved: { pid: '1000' } },
      pidCapacity: 126764n,
    }).find((b) => b.resource === 'pid');
    expect(pid?.computedAllocatable).toBe(124764n);
    expect(pid?.reportedAllocatable).toBeNull();
  });
  it('says reservations are missing only when the node reports none either', () => {
    const [cpu] = computeNodeBudget({ capacity: { cpu: '2' }, allocatable: { cpu: '2' }, config: {} });
    expect(texts(cpu)).toMatch(/No kubeReserved or systemReserved cpu is set and the node reports none/);
    // the node: configz sets nothing, but the status holds 70m back. No "compete" sentence; a cause instead.
    const [held] = computeNodeBudget({ capacity: { cpu: '2' }, allocatable: { cpu: '1930m' }, config: {} });
    expect(texts(held)).not.toMatch(/compete/);
    expect(held?.difference).toBe(-70n);
    expect(held?.explanations[0]).toMatchObject({ tone: 'warning' });
    expect(held?.explanations[0]?.text).toContain('70m CPU less');
    expect(held?.explanations[0]?.text).not.toMatch(/capacity changed/);
  });
  it('names a stale status as the cause when the node is not Ready', () => {
    const [cpu] = computeNodeBudget({
      capacity: { cpu: '2' },
      allocatable: { cpu: '1900m' },
      config: {},
      status: {
        ready: 'Unknown',
        lastHeartbeatTime: '2026-01-01T00:00:00Z',
        nowMs: Date.parse('2026-01-01T01:00:00Z'),
      },
    });
    expect(cpu?.explanations[0]?.text).toMatch(
      /status is not current \(Ready Unknown, last heartbeat 2026-01-01T00:00:00Z\)/,
    );
  });
  it('without the kubelet config shows capacity and reported allocatable with the reservations unknown, and why', () => {
    const budget = computeNodeBudget({
      capacity: { cpu: '2', memory: '7120616Ki', 'ephemeral-storage': '129886128Ki' },
      allocatable: { cpu: '1900m', memory: '4675304Ki', 'ephemeral-storage': '119703055367' },
      config: null,
      configUnavailable: 'Permission denied: Forbidden (user=kube-apiserver-kubelet-client, …)',
    });
    const [cpu, memory] = budget;
    expect(memory).toMatchObject({
      capacity: 7120616n * Ki,
      reportedAllocatable: 4675304n * Ki,
      kubeReserved: null,
      systemReserved: null,
      evictionHard: null,
      computedAllocatable: null,
      heldBack: (7120616n - 4675304n) * Ki,
    });
    expect(cpu?.heldBack).toBe(100n);
    expect(texts(memory)).toContain('Reservations unknown');
    expect(texts(memory)).toContain('Permission denied');
  });
});

describe('cpuSetSize', () => {
  it('counts cpuset lists', () => {
    expect(cpuSetSize('0-1')).toBe(2);
    expect(cpuSetSize('0,2-3,7')).toBe(4);
    expect(cpuSetSize('')).toBe(0);
  });
});
