import { describe, expect, it } from 'vitest';
import { ownAnswer } from './own-answer';

const contexts = ownAnswer<{ current: string; contexts: unknown[] }>(
  'the kubeconfig contexts',
  (b) => typeof b.current === 'string' && Array.isArray(b.contexts),
);

describe('ownAnswer', () => {
  it('hands back the body itself when its telling fields are there', () => {
    const body = { current: 'prod', contexts: [], source: 'kubeconfig' };
    expect(contexts.parse(body)).toBe(body);
  });

  it('throws for a body of another shape, naming what was expected', () => {
    expect(() => contexts.parse({ current: 3, contexts: [] })).toThrow('not the kubeconfig contexts');
    expect(() => contexts.parse({ items: [] })).toThrow(TypeError);
  });

  it('throws for non-objects: null, arrays, text, nothing', () => {
    for (const body of [null, undefined, [], ['prod'], 'prod', 42]) expect(() => contexts.parse(body)).toThrow();
  });

  it('never calls the check with a non-object', () => {
    const seen: unknown[] = [];
    const probe = ownAnswer('a probe', (b) => (seen.push(b), true));
    expect(() => probe.parse(null)).toThrow();
    expect(() => probe.parse([1])).toThrow();
    expect(seen).toEqual([]);
  });
});
