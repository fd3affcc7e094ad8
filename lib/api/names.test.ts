import { describe, expect, it } from 'vitest';
import { NodeNameSchema } from './names';

describe('NodeNameSchema', () => {
  it.each([
    'k8s-worker-1',
    'cn-hangzhou.10.0.1.12',
    'ip-10-0-2-47.ec2.internal',
    'gke-prod-default-pool-1a2b3c4d-q7mz',
    'a',
    '0',
  ])('accepts the real node name %s', (name) => expect(NodeNameSchema.safeParse(name).success).toBe(true));
  it.each([
    ['a path', '../../api/v1/secrets'],
    ['an encoded slash', 'a%2Fb'],
    ['encoded dots', '%2e%2e'],
    ['300 characters', 'a'.repeat(300)],
    ['non-ASCII', 'nöde-1'],
    ['uppercase', 'Worker-1'],
    ['a leading dash', '-node'],
    ['a trailing dot', 'node.'],
    ['the empty string', ''],
    ['a query', 'node?x=1'],
    ['a space', 'node 1'],
  ])('rejects %s', (_label, name) => expect(NodeNameSchema.safeParse(name).success).toBe(false));
  it('accepts exactly 253 characters', () => {
    expect(
      NodeNameSchema.safeParse(`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`).success,
    ).toBe(true);
  });
});
