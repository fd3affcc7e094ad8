import { describe, expect, it } from 'vitest';
import { podRequestsAndLimits, totalsByNode, type PodResources } from './node-row';
import { formatQuantity, parseQuantity, type Quantity } from './quantity';

const show = (m: Record<string, Quantity>) =>
  Object.fromEntries(Object.entries(m).map(([k, q]) => [k, formatQuantity(q, k === 'cpu' ? 'decimal' : 'binary')]));

describe('podRequestsAndLimits', () => {
  it('sums app containers per resource', () => {
    const r = podRequestsAndLimits({
      containers: [
        { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        { requests: { cpu: '0.25', memory: '64Mi', 'ephemeral-storage': '1Gi' } },
      ],
    });
    expect(show(r.requests)).toEqual({ cpu: '350m', memory: '192Mi', 'ephemeral-storage': '1Gi' });
    expect(show(r.limits)).toEqual({ memory: '256Mi' });
  });
  it('takes the largest init container when it exceeds the app containers', () => {
    const r = podRequestsAndLimits({
      containers: [{ requests: { cpu: '100m', memory: '100Mi' } }],
      initContainers: [{ requests: { cpu: '500m', memory: '10Mi' } }, { requests: { cpu: '200m' } }],
    });
    expect(show(r.requests)).toEqual({ cpu: '500m', memory: '100Mi' });
  });
  it('adds sidecars (restartPolicy Always) to the app total and to init containers started after them', () => {
    const r = podRequestsAndLimits({
      containers: [{ requests: { cpu: '100m' } }],
      initContainers: [
        { requests: { cpu: '50m' }, restartPolicy: 'Always' },
        { requests: { cpu: '300m' } }, // runs beside the sidecar: 350m
      ],
    });
    expect(show(r.requests)).toEqual({ cpu: '350m' });
    const noInitPeak = podRequestsAndLimits({
      containers: [{ requests: { cpu: '500m' } }],
      initContainers: [{ requests: { cpu: '50m' }, restartPolicy: 'Always' }, { requests: { cpu: '300m' } }],
    });
    expect(show(noInitPeak.requests)).toEqual({ cpu: '550m' });
  });
  it('adds overhead to every request, but only to limits already set', () => {
    const r = podRequestsAndLimits({
      containers: [{ requests: { cpu: '100m', memory: '100Mi' }, limits: { memory: '200Mi' } }],
      overhead: { cpu: '250m', memory: '120Mi' },
    });
    expect(show(r.requests)).toEqual({ cpu: '350m', memory: '220Mi' });
    expect(show(r.limits)).toEqual({ memory: '320Mi' });
  });
  it('uses pod-level resources for cpu and memory when set', () => {
    const r = podRequestsAndLimits({
      containers: [{ requests: { cpu: '100m', memory: '1Gi' } }],
      resources: { requests: { cpu: '2' } },
    });
    expect(show(r.requests)).toEqual({ cpu: '2', memory: '1Gi' });
  });
  it('is empty for a BestEffort pod', () => {
    expect(podRequestsAndLimits({ containers: [{}, {}] })).toEqual({ requests: {}, limits: {} });
  });
});

const pod = (
  name: string,
  nodeName: string | null,
  cpu: string,
  memory: string,
  limitMemory?: string,
): PodResources => ({
  namespace: 'default',
  name,
  nodeName,
  phase: 'Running',
  requests: { cpu: parseQuantity(cpu), memory: parseQuantity(memory) },
  limits: limitMemory ? { memory: parseQuantity(limitMemory) } : {},
});

describe('totalsByNode', () => {
  it('groups in one pass', () => {
    const t = totalsByNode([pod('a', 'x', '1', '1Mi'), pod('b', 'x', '1', '1Mi'), pod('c', 'y', '1', '1Mi')]);
    expect([...t.keys()].sort()).toEqual(['x', 'y']);
    expect(t.get('x')?.count).toBe(2);
  });
});
