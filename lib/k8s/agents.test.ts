import https from 'node:https';
import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthority } from '@/sim/server/tls';
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

describe('keepAliveAgent connections', () => {
  it('share one TLS context per agent and still verify the server against its CA', async () => {
    const ca = await createAuthority();
    const other = await createAuthority();
    // the server closes each connection, so every request below opens a new one through the agent
    const server = https.createServer({ cert: ca.servingCertPem, key: ca.servingKeyPem }, (_req, res) => {
      res.setHeader('connection', 'close');
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const get = (agent: https.Agent) =>
      new Promise<string>((resolve, reject) => {
        https
          .get({ host: '127.0.0.1', port, path: '/', agent, servername: 'localhost' }, (res) => {
            res.setEncoding('utf8');
            let body = '';
            res.on('data', (c: string) => (body += c));
            res.on('end', () => resolve(body));
          })
          .on('error', reject);
      });
    try {
      const agent = keepAliveAgent('https:', { ca: ca.caPem }) as https.Agent & { sharedContext?: unknown };
      expect(agent.sharedContext).toBeUndefined(); // nothing parsed before the first connection
      expect(await get(agent)).toBe('ok');
      const context = agent.sharedContext;
      expect(context).toBeDefined();
      expect(await get(agent)).toBe('ok');
      expect(await get(agent)).toBe('ok');
      expect(agent.sharedContext).toBe(context);
      // a context built from another CA is refused by the server's certificate: the CA is in the shared context
      const wrong = keepAliveAgent('https:', { ca: other.caPem }) as https.Agent;
      await expect(get(wrong)).rejects.toThrow(/self-signed|unable to verify|certificate/i);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
