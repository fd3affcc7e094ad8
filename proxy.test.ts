import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { resetAuthConfigForTests } from '@/lib/auth/config';
import { resetEnvForTests } from '@/lib/env';
import * as proxyModule from './proxy';

const { proxy } = proxyModule;
const SETTINGS = ['KD_AUTH_MODE', 'KD_SESSION_SECRET', 'KD_ALLOWED_HOSTS', 'KD_TRUST_FORWARDED_PROTO', 'HOST', 'PORT'];

function settings(vars: Record<string, string>) {
  for (const k of SETTINGS) delete process.env[k];
  Object.assign(process.env, { PORT: '3000', ...vars });
  resetEnvForTests();
  resetAuthConfigForTests();
}
beforeEach(() => settings({}));
afterEach(() => settings({}));

const request = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(new URL(path, 'http://127.0.0.1:3000'), { headers: { host: '127.0.0.1:3000', ...headers } });
/** NextResponse.next() marks "carry on to the route" with this header. */
const passedOn = (res: Response) => res.headers.get('x-middleware-next') === '1';

describe('proxy: one gate for every request', () => {
  it('runs for every path: no matcher leaves API routes, streams, files or prefetches out', () => {
    expect((proxyModule as { config?: unknown }).config).toBeUndefined();
  });

  it.each([
    '/nodes',
    '/nodes/k8s-worker-1',
    '/api/csrs',
    '/api/nodes/k8s-worker-1/configz',
    '/api/csrf',
    '/api/fleet/stream?kind=stats',
    '/api/csrs/events',
    '/_next/static/chunks/main.js',
  ])('refuses a rebinding Host on %s with 403 and one line naming KD_ALLOWED_HOSTS', async (path) => {
    const res = await proxy(request(path, { host: 'attacker.example:3000' }));
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).toMatch(/^Host "attacker\.example:3000" is not allowed .*KD_ALLOWED_HOSTS\.\n$/);
    expect(passedOn(res)).toBe(false);
  });

  it('lets probes and scrapers that address the pod by IP through', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics'])
      expect(passedOn(await proxy(request(path, { host: '10.244.1.7:3000' })))).toBe(true);
  });

  it('passes allowed hosts: loopback names with the port, KD_ALLOWED_HOSTS entries', async () => {
    expect(passedOn(await proxy(request('/api/csrs', { host: 'localhost:3000' })))).toBe(true);
    expect((await proxy(request('/api/csrs', { host: 'dash.example.com' }))).status).toBe(403);
    settings({ KD_ALLOWED_HOSTS: 'dash.example.com' });
    expect(passedOn(await proxy(request('/api/csrs', { host: 'dash.example.com' })))).toBe(true);
  });

  it('answers 503 naming the setting when a shared mode listens beyond loopback without KD_ALLOWED_HOSTS', async () => {
    settings({ KD_AUTH_MODE: 'shared', KD_SESSION_SECRET: 's'.repeat(40), HOST: '0.0.0.0' });
    const res = await proxy(request('/nodes'));
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/KD_ALLOWED_HOSTS is not set/);
  });

  it.each<Record<string, string>>([{ 'next-router-prefetch': '1' }, { purpose: 'prefetch' }, {}])(
    'a page request %j gets the sign-in redirect in shared mode and a CSP in local mode',
    async (prefetch) => {
      const local = await proxy(request('/nodes', prefetch));
      expect(local.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
      settings({ KD_AUTH_MODE: 'shared', KD_SESSION_SECRET: 's'.repeat(40) });
      const shared = await proxy(request('/nodes', prefetch));
      expect(shared.status).toBe(303);
      expect(shared.headers.get('location')).toMatch(/\/signin\?reason=required&next=%2Fnodes$/);
    },
  );

  it('sends HSTS over TLS from a declared proxy, on pages, API answers and refusals alike', async () => {
    const tls = { 'x-forwarded-proto': 'https' };
    expect((await proxy(request('/nodes', tls))).headers.get('strict-transport-security')).toBeNull();
    settings({ KD_TRUST_FORWARDED_PROTO: 'true' });
    for (const res of [
      await proxy(request('/nodes', tls)),
      await proxy(request('/api/csrs', tls)),
      await proxy(request('/api/csrs', { ...tls, host: 'attacker.example' })),
    ])
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect((await proxy(request('/nodes'))).headers.get('strict-transport-security')).toBeNull();
  });
});
