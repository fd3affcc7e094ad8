import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { contextNames, getKube, kubeConfigOf, listContexts, resetKubeCacheForTests, userKube } from './client';

/**
 * The dashboard re-reads the kubeconfig when its files change, as kubectl does per call: a context added to the
 * second file of a `:`-separated KUBECONFIG shows up without a restart; a changed credential gets a new identity
 * (and so new fleet caches), an unchanged context keeps its handle and caches.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-reload-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const first = path.join(dir, 'config');
const second = path.join(dir, 'extra');
const kubeconfigPath = [first, second].join(path.delimiter);

function kubeconfig(opts: { viewerToken: string; ca?: string }): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster: { server: "https://prod.example:6443", certificate-authority-data: ${opts.ca ?? 'Zm9v'} }
users:
- name: admin
  user: { token: admin-token }
- name: viewer
  user: { token: ${opts.viewerToken} }
contexts:
- name: prod-admin
  context: { cluster: prod, user: admin }
- name: prod-viewer
  context: { cluster: prod, user: viewer }
current-context: prod-admin
`;
}
const extra = `apiVersion: v1
kind: Config
contexts:
- name: staging
  context: { cluster: prod, user: viewer }
`;

/** Written the way most tools write: a new file renamed over the old one. */
function write(file: string, body: string) {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, body);
  fs.renameSync(tmp, file);
}

beforeEach(() => {
  fs.rmSync(second, { force: true });
  write(first, kubeconfig({ viewerToken: 'viewer-token-1' }));
  resetKubeCacheForTests();
});

describe('kubeconfig changes without a restart', () => {
  it('a context added to the second file of KUBECONFIG appears in the contexts list', () => {
    expect(contextNames({ kubeconfigPath })).toEqual(['prod-admin', 'prod-viewer']);
    write(second, extra);
    expect(contextNames({ kubeconfigPath })).toEqual(['prod-admin', 'prod-viewer', 'staging']);
    expect(listContexts({ kubeconfigPath }).contexts.map((c) => c.name)).toContain('staging');
    expect(getKube({ kubeconfigPath, context: 'staging' }).context).toBe('staging');
    fs.rmSync(second);
    expect(contextNames({ kubeconfigPath })).toEqual(['prod-admin', 'prod-viewer']);
    expect(() => getKube({ kubeconfigPath, context: 'staging' })).toThrow(/not in the kubeconfig/);
  });

  it('a changed credential gets a new identity; an unchanged context keeps its handle and caches', () => {
    const admin = getKube({ kubeconfigPath, context: 'prod-admin' });
    const viewer = getKube({ kubeconfigPath, context: 'prod-viewer' });
    const [adminKey, viewerKey] = [admin.identity, viewer.identity];

    write(first, kubeconfig({ viewerToken: 'viewer-token-2' }));
    const admin2 = getKube({ kubeconfigPath, context: 'prod-admin' });
    const viewer2 = getKube({ kubeconfigPath, context: 'prod-viewer' });
    expect(admin2).toBe(admin);
    expect(admin2.identity).toBe(adminKey);
    expect(viewer2).not.toBe(viewer);
    expect(viewer2.identity).not.toBe(viewerKey);
    expect(kubeConfigOf(viewer2).getCurrentUser()?.token).toBe('viewer-token-2');
  });

  it("a rotated cluster CA gets new handles and identities: the fleet's informer must connect with the new one", () => {
    const admin = getKube({ kubeconfigPath, context: 'prod-admin' });
    write(first, kubeconfig({ viewerToken: 'viewer-token-1', ca: 'YmFy' }));
    const admin2 = getKube({ kubeconfigPath, context: 'prod-admin' });
    expect(admin2).not.toBe(admin);
    expect(admin2.identity).not.toBe(admin.identity);
  });

  it('rewriting the same content keeps every handle', () => {
    const viewer = getKube({ kubeconfigPath, context: 'prod-viewer' });
    const user = userKube('a-signed-in-token', { kubeconfigPath });
    write(first, kubeconfig({ viewerToken: 'viewer-token-1' }));
    write(second, extra);
    expect(getKube({ kubeconfigPath, context: 'prod-viewer' })).toBe(viewer);
    expect(userKube('a-signed-in-token', { kubeconfigPath })).toBe(user);
  });

  it('a kubeconfig that cannot be parsed is a clear 503 naming the file, and a fixed one works again', () => {
    fs.writeFileSync(first, 'clusters: [\n');
    expect(() => contextNames({ kubeconfigPath })).toThrow(new RegExp(`Kubeconfig ${first} could not be read`));
    write(first, kubeconfig({ viewerToken: 'viewer-token-1' }));
    expect(contextNames({ kubeconfigPath })).toEqual(['prod-admin', 'prod-viewer']);
  });
});
