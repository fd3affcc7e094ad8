import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigzSchema, SummarySchema } from './kubelet';

// Public captures collected in lib/domain/fixtures (sources in its README).
const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '../domain/fixtures', name), 'utf8'));

describe('ConfigzSchema', () => {
  it.each(['configz-v1.16-kubeadm.json', 'configz-v1.27-kubeadm-systemd.json', 'configz-v1.31-cri-dockerd.json'])(
    'accepts the real capture %s',
    (f) => {
      const parsed = ConfigzSchema.parse(fixture(f));
      expect(Object.keys(parsed.kubeletconfig).length).toBeGreaterThan(10);
    },
  );
  it('is strict about the wrapper', () => {
    expect(ConfigzSchema.safeParse({ kubeletconfig: 'x' }).success).toBe(false);
    expect(ConfigzSchema.safeParse({ config: {} }).success).toBe(false);
    expect(ConfigzSchema.safeParse([]).success).toBe(false);
  });
});

describe('SummarySchema', () => {
  it.each(['summary-v1.17-kind.json', 'summary-v1.25.3-kind.json'])(
    'accepts the real capture %s and keeps unknown fields',
    (f) => {
      const raw = fixture(f) as { node: Record<string, unknown> };
      const parsed = SummarySchema.parse({ ...raw, node: { ...raw.node, futureBlock: { x: 1 } } });
      expect(parsed.node.memory?.workingSetBytes).toBeTypeOf('number');
      expect((parsed.node as Record<string, unknown>).futureBlock).toEqual({ x: 1 });
    },
  );
  it('accepts a node with every leaf missing', () => {
    expect(SummarySchema.safeParse({ node: {} }).success).toBe(true);
  });
  it('rejects a body without the node block', () => {
    expect(SummarySchema.safeParse({ pods: [] }).success).toBe(false);
  });
});
