import { afterEach, describe, expect, it } from 'vitest';
import { resetAuthConfigForTests } from '@/lib/auth/config';
import { resetEnvForTests } from '@/lib/env';
import { GET } from './route';

const VARS = ['KD_AUTH_MODE', 'KD_SESSION_SECRET', 'HOST', 'KD_ALLOWED_HOSTS'];
function settings(vars: Record<string, string>) {
  for (const k of VARS) delete process.env[k];
  Object.assign(process.env, vars);
  resetEnvForTests();
  resetAuthConfigForTests();
}
afterEach(() => settings({}));

describe('/readyz', () => {
  it('is not ready when a shared mode listens beyond loopback without KD_ALLOWED_HOSTS, and says what to set', async () => {
    settings({ KD_AUTH_MODE: 'shared', KD_SESSION_SECRET: 's'.repeat(40), HOST: '0.0.0.0' });
    const res = GET();
    expect(res.status).toBe(503);
    expect((await res.json()) as { message: string }).toMatchObject({
      message: expect.stringMatching(/KD_ALLOWED_HOSTS is not set/) as unknown,
    });
  });

  it('reports a malformed KD_ALLOWED_HOSTS entry by name', async () => {
    settings({ KD_ALLOWED_HOSTS: 'dash.example.com,https://bad.example/' });
    const res = GET();
    expect(res.status).toBe(503);
    expect(JSON.stringify(await res.json())).toContain('https://bad.example/');
  });
});
