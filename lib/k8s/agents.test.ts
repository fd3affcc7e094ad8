import https from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { agentCountForTests, keepAliveAgent, resetAgentsForTests } from './agents';

afterEach(() => resetAgentsForTests());

describe('keepAliveAgent', () => {
  it('hands out one keep-alive agent per set of TLS material', () => {
    const a = keepAliveAgent('https:', { ca: 'CA-1', cert: 'C', key: 'K' });
    expect(a).toBeInstanceOf(https.Agent);
    expect((a as https.Agent & { keepAlive: boolean }).keepAlive).toBe(true);
    expect(keepAliveAgent('https:', { ca: 'CA-1', cert: 'C', key: 'K' })).toBe(a);
    expect(keepAliveAgent('https:', { ca: Buffer.from('CA-1'), cert: 'C', key: 'K' })).toBe(a);
  });

  it('gives rotated client certificates, other CAs and plain http their own agent', () => {
    const a = keepAliveAgent('https:', { ca: 'CA-1', cert: 'C', key: 'K' });
    expect(keepAliveAgent('https:', { ca: 'CA-1', cert: 'C2', key: 'K2' })).not.toBe(a);
    expect(keepAliveAgent('https:', { ca: 'CA-2', cert: 'C', key: 'K' })).not.toBe(a);
    expect(keepAliveAgent('https:', { ca: 'CA-1', cert: 'C', key: 'K', rejectUnauthorized: false })).not.toBe(a);
    expect(keepAliveAgent('http:', {})).not.toBeInstanceOf(https.Agent);
    expect(agentCountForTests()).toBe(5);
  });

  it('closes the least recently used agent beyond 64 credentials', () => {
    const first = keepAliveAgent('https:', { cert: 'user-0' });
    const destroyed: boolean[] = [];
    const destroy = first.destroy.bind(first);
    first.destroy = () => {
      destroyed.push(true);
      destroy();
    };
    for (let i = 1; i <= 64; i++) keepAliveAgent('https:', { cert: `user-${i}` });
    expect(agentCountForTests()).toBe(64);
    expect(destroyed).toEqual([true]);
    expect(keepAliveAgent('https:', { cert: 'user-0' })).not.toBe(first);
  });
});
