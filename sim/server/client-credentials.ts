/** The kubeconfig the dashboard and kubectl use: one cluster, an admin and a viewer context. */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { ADMIN, VIEWER, type User } from './authz';

export interface Tokens {
  admin: string;
  viewer: string;
}

export const newToken = () => randomBytes(24).toString('base64url');

export function usersByToken(tokens: Tokens): Map<string, User> {
  return new Map([
    [tokens.admin, ADMIN],
    [tokens.viewer, VIEWER],
  ]);
}

export function renderKubeconfig(url: string, caPem: string, tokens: Tokens): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'sim', cluster: { server: url, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } },
    ],
    users: [
      { name: ADMIN.name, user: { token: tokens.admin } },
      { name: VIEWER.name, user: { token: tokens.viewer } },
    ],
    contexts: [
      { name: 'sim-admin', context: { cluster: 'sim', user: ADMIN.name } },
      { name: 'sim-viewer', context: { cluster: 'sim', user: VIEWER.name } },
    ],
    'current-context': 'sim-admin',
    preferences: {},
  });
}

/** Atomic (temp file + rename) and private (0600): watchers of the path never see a half-written file. */
export async function writeKubeconfig(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, content, { mode: 0o600 });
  await rename(tmp, file);
}
