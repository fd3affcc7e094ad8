import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { kubeConfigOf, resetKubeCacheForTests } from './client';
import {
  allowedCluster,
  allowedClusterKube,
  allowedClusters,
  forgetAllowedClusterKube,
  resetSharedClustersForTests,
  skippedClusters,
} from './shared-clusters';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-shared-clusters-'));
const CA = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64');
const home = path.join(dir, 'kubeconfig');
fs.writeFileSync(
  home,
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'home', cluster: { server: 'https://home.example:6443', 'certificate-authority-data': CA } }],
    users: [{ name: 'sa', user: { token: 'home-sa-token' } }],
    contexts: [{ name: 'home-ctx', context: { cluster: 'home', user: 'sa' } }],
    'current-context': 'home-ctx',
  }),
);
const list = path.join(dir, 'clusters.yaml');
const write = (clusters: unknown[], users: unknown[] = []) =>
  fs.writeFileSync(list, stringify({ apiVersion: 'v1', kind: 'Config', clusters, users }));

function use(file: string | undefined) {
  process.env.KUBECONFIG = home;
  if (file) process.env.KD_SHARED_CLUSTERS_FILE = file;
  else delete process.env.KD_SHARED_CLUSTERS_FILE;
  resetEnvForTests();
  resetKubeCacheForTests();
  resetSharedClustersForTests();
}

beforeEach(() => use(list));
afterAll(() => {
  use(undefined);
  delete process.env.KUBECONFIG;
  resetEnvForTests();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the clusters users may add (KD_SHARED_CLUSTERS_FILE)', () => {
  it('offers the https clusters with TLS verification, never the home cluster, and says why it skipped the rest', () => {
    write([
      { name: 'prod', cluster: { server: 'https://prod.example:6443', 'certificate-authority-data': CA } },
      { name: 'arn:aws:eks:eu-west-1:1:cluster/x', cluster: { server: 'https://x.eks.amazonaws.com' } },
      { name: 'home-copy', cluster: { server: 'https://home.example:6443' } },
      { name: 'home-ctx', cluster: { server: 'https://elsewhere.example' } },
      { name: 'plain', cluster: { server: 'http://10.0.0.1:8080' } },
      { name: 'unverified', cluster: { server: 'https://10.0.0.2:6443', 'insecure-skip-tls-verify': true } },
    ]);
    expect(allowedClusters()).toEqual([
      { name: 'prod', server: 'https://prod.example:6443' },
      { name: 'arn:aws:eks:eu-west-1:1:cluster/x', server: 'https://x.eks.amazonaws.com' },
    ]);
    expect(skippedClusters().map((s) => s.name)).toEqual(['home-copy', 'home-ctx', 'plain', 'unverified']);
    expect(skippedClusters().find((s) => s.name === 'plain')?.reason).toBe('its server is not https');
  });

  it('refuses any name not listed: no fallback, no URL taken as a name', () => {
    write([{ name: 'prod', cluster: { server: 'https://prod.example:6443' } }]);
    for (const name of ['dev', 'https://10.0.0.1:6443', 'home-ctx', 'home-copy'])
      expect(() => allowedCluster(name)).toThrow(/is not a cluster this dashboard lets you add/);
  });

  it('makes a Kube with only the user’s token: never a credential of the file', () => {
    write(
      [{ name: 'prod', cluster: { server: 'https://prod.example:6443', 'certificate-authority-data': CA } }],
      [{ name: 'prod', user: { token: 'operator-token-in-the-file' } }],
    );
    const kube = allowedClusterKube('prod', 'alice-token');
    expect(kube).toMatchObject({ context: 'prod', server: 'https://prod.example:6443' });
    const kc = kubeConfigOf(kube);
    expect(kc.getUsers()).toHaveLength(1);
    expect(kc.getCurrentUser()?.token).toBe('alice-token');
    expect(kube.identity).not.toContain('alice-token');
    // one Kube per token (caches keyed by identity stay apart), reused for the same token
    expect(allowedClusterKube('prod', 'alice-token')).toBe(kube);
    expect(allowedClusterKube('prod', 'bob-token').identity).not.toBe(kube.identity);
    forgetAllowedClusterKube('prod', 'alice-token');
    expect(allowedClusterKube('prod', 'alice-token')).not.toBe(kube);
  });

  it('reads the file again when it changes, and explains a missing or unreadable file', () => {
    write([{ name: 'prod', cluster: { server: 'https://prod.example:6443' } }]);
    expect(allowedClusters().map((c) => c.name)).toEqual(['prod']);
    write([
      { name: 'staging', cluster: { server: 'https://staging.example:6443' } },
      { name: 'prod2', cluster: { server: 'https://prod2.example' } },
    ]);
    expect(allowedClusters().map((c) => c.name)).toEqual(['staging', 'prod2']);
    use(path.join(dir, 'absent.yaml'));
    expect(() => allowedClusters()).toThrow(/does not exist/);
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'clusters: [ {');
    use(path.join(dir, 'bad.yaml'));
    expect(() => allowedClusters()).toThrow(/could not be read/);
  });

  it('offers nothing when the variable is unset', () => {
    use(undefined);
    expect(allowedClusters()).toEqual([]);
    expect(() => allowedCluster('prod')).toThrow(/is not a cluster/);
  });
});
