import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { getKube, listContexts } from './client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-kubeconfig-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.KUBE_CONTEXT;
  resetEnvForTests();
});

function write(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, body);
  return file;
}

const first = write(
  'a.yaml',
  `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster: { server: "https://prod.example:6443", certificate-authority-data: Zm9v }
users:
- name: admin
  user: { token: very-secret-token, client-key-data: c2VjcmV0 }
contexts:
- name: prod-admin
  context: { cluster: prod, user: admin }
current-context: prod-admin
`,
);
const second = write(
  'b.yaml',
  `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster: { server: "https://shadowed.example:6443" }
- name: dev
  cluster: { server: "https://dev.example:6443" }
users:
- name: dev
  user: { token: other-secret }
contexts:
- name: dev
  context: { cluster: dev, user: dev }
current-context: dev
`,
);
const list = [first, path.join(dir, 'missing.yaml'), second].join(path.delimiter);

describe('kubeconfig loading', () => {
  it('merges a KUBECONFIG-style list like kubectl: first definition and first current-context win, missing files skipped', () => {
    const res = listContexts({ kubeconfigPath: list });
    expect(res.current).toBe('prod-admin');
    expect(res.source).toBe('kubeconfig');
    expect(res.contexts).toEqual([
      { name: 'prod-admin', cluster: 'prod', user: 'admin', server: 'https://prod.example:6443' },
      { name: 'dev', cluster: 'dev', user: 'dev', server: 'https://dev.example:6443' },
    ]);
  });
  it('never includes credentials in the contexts response', () => {
    const text = JSON.stringify(listContexts({ kubeconfigPath: list }));
    expect(text).not.toContain('secret');
    expect(text).not.toContain('c2VjcmV0');
  });
  it('prefers KUBE_CONTEXT over current-context, and an explicit context over both', () => {
    process.env.KUBE_CONTEXT = 'dev';
    resetEnvForTests();
    expect(getKube({ kubeconfigPath: list }).context).toBe('dev');
    expect(getKube({ kubeconfigPath: list, context: 'prod-admin' }).context).toBe('prod-admin');
  });
  it('gives each context its own handle with its own server, cached', () => {
    const dev = getKube({ kubeconfigPath: list, context: 'dev' });
    expect(dev.server).toBe('https://dev.example:6443');
    expect(getKube({ kubeconfigPath: list, context: 'dev' })).toBe(dev);
    expect(getKube({ kubeconfigPath: list, context: 'prod-admin' }).server).toBe('https://prod.example:6443');
  });
  it('rejects an unknown context with 422', () => {
    expect(() => getKube({ kubeconfigPath: list, context: 'nope' })).toThrow(expect.objectContaining({ code: 422 }));
  });
  it('says where to put credentials when there are none', () => {
    expect(() => getKube({ kubeconfigPath: path.join(dir, 'none.yaml') })).toThrow(
      expect.objectContaining({ code: 503, message: 'No Kubernetes credentials found.' }),
    );
  });
});
