import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { forgetSavedState, readSavedState, writeSavedState } from './state-dir';
import { createAuthority } from './tls';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-state-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('saved sim state', () => {
  it('round-trips privately, and an unreadable file means a fresh start', async () => {
    const ca = await createAuthority();
    const state = {
      version: 1 as const,
      authority: ca.saved,
      tokens: { admin: 'a'.repeat(32), viewer: 'v'.repeat(32) },
      port: 6443,
    };
    await writeSavedState(dir, state);
    expect(await readSavedState(dir)).toEqual(state);
    expect(fs.statSync(path.join(dir, 'sim-state.json')).mode & 0o777).toBe(0o600);

    fs.writeFileSync(path.join(dir, 'sim-state.json'), '{"version": 2}');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await readSavedState(dir)).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    await forgetSavedState(dir);
    expect(await readSavedState(dir)).toBeUndefined();
  });

  it('a restored authority is the same CA; a serving certificate about to expire is reissued by it', async () => {
    const first = await createAuthority(new Date('2026-01-01T00:00:00Z'));
    const same = await createAuthority(new Date('2026-02-01T00:00:00Z'), first.saved);
    expect(same.caPem).toBe(first.caPem);
    expect(same.servingCertPem).toBe(first.servingCertPem);

    const later = await createAuthority(new Date('2026-12-31T12:00:00Z'), first.saved);
    expect(later.caPem).toBe(first.caPem);
    expect(later.servingCertPem).not.toBe(first.servingCertPem);
    const serving = new x509.X509Certificate(later.servingCertPem);
    const ca = new x509.X509Certificate(first.caPem);
    expect(await serving.verify({ publicKey: ca, signatureOnly: true })).toBe(true);
    expect(serving.notAfter.getTime()).toBeGreaterThan(new Date('2027-06-01T00:00:00Z').getTime());
  });
});
