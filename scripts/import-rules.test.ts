import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.mjs (README, "Layout") really fire: a config edit that silently drops one
 * fails here, not in review. Each case lints one import line as if it were in the named file.
 */
const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const probe = 1;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('import rules', () => {
  it.each([
    ['lib/domain/probe.ts', "import type { NodeRow } from '@/lib/api/nodes';", /lib\/domain is pure/],
    ['components/probe.tsx', "import { authMode } from '@/lib/auth/config';", /layout hands components a Viewer/],
    ['components/probe.tsx', "import { getCompare } from '@/lib/server/compare';", /called by app\/ only/],
    ['app/probe.ts', "import { getNode } from '@/lib/k8s/nodes';", /reached through lib\/server/],
    ['lib/server/probe.ts', "import { getKubeletConfigz } from '@/lib/k8s/kubelet';", /goes through lib\/fleet/],
    ['lib/server/probe.ts', "import { getKube } from '../k8s/client';", /Import other folders as @\//],
    ['lib/server/probe.ts', "import { Watch } from '@kubernetes/client-node';", /Only lib\/k8s talks to client-node/],
    ['lib/fleet/probe.ts', "import { kubeConfigOf } from '@/lib/k8s/client';", /KubeConfig stays inside lib\/k8s/],
    ['lib/fleet/probe.ts', "import { getCompare } from '@/lib/server/compare';", /called by app\/ only/],
    ['lib/k8s/probe.ts', "import { getFleet } from '@/lib/fleet/fleet';", /reached through lib\/server/],
    ['lib/api/probe.ts', "import { env } from '@/lib/env';", /parsed on the server/],
    ['lib/queries/probe.ts', "import { getRequestKube } from '@/lib/server/request-kube';", /called by app\/ only/],
    ['components/probe.tsx', "import { toStatus } from '@/lib/errors';", /components\/ uses only .*lib\/app-error.ts/],
    ['lib/view/probe.ts', "import { throttle } from '@/lib/throttle';", /lib\/view uses only these top-level/],
    ['lib/queries/probe.ts', "import { deadline } from '@/lib/deadline';", /lib\/queries uses only these top-level/],
    ['lib/api/probe.ts', "import { cn } from '@/lib/cn';", /lib\/api uses only these top-level/],
    ['app/probe.ts', "import { throttle } from '@/lib/throttle';", /app\/ uses only these top-level/],
    ['lib/fleet/probe.ts', "import { deadline } from '@/lib/deadline';", /lib\/fleet uses only these top-level/],
    [
      'lib/fleet/probe.ts',
      "import fields from '@/lib/reference/kubelet-config-v1beta1-fields.json';",
      /through lib\/domain/,
    ],
    [
      'lib/auth/probe.ts',
      "import { assertSameOrigin } from '@/lib/security/same-origin';",
      /only lib\/security\/request-protocol/,
    ],
    ['lib/security/probe.ts', "import { sessionCookie } from '@/lib/auth/session';", /only the auth mode/],
    ['sim/probe.ts', "import { AppError } from '@/lib/errors';", /sim\/ imports nothing from the app/],
    ['lib/auth/probe.ts', 'const mode = process.env.KD_AUTH_MODE;', /through lib\/env.ts/],
    ['lib/k8s/probe.ts', 'const all = { ...process.env };', /through lib\/env.ts/],
  ])('%s may not: %s', async (file, code, reason) => {
    const messages = await restricted(file, code);
    expect(
      messages.some((m) => reason.test(m)),
      messages.join('\n') || 'no restriction reported',
    ).toBe(true);
  });

  it.each([
    ['app/probe.ts', "import { nodeConfigz } from '@/lib/server/node-detail';"],
    ['lib/server/probe.ts', "import { getFleet } from '@/lib/fleet/fleet';"],
    ['lib/fleet/probe.ts', "import { getKubeletConfigz } from '@/lib/k8s/kubelet';"],
    ['lib/api/probe.ts', "import { parseQuantity } from '@/lib/domain/quantity';"],
    ['components/probe.tsx', "import { nodeListOptions } from '@/lib/queries/nodes';"],
    ['lib/domain/probe.test.ts', "import { DEMO_NODES } from '@/sim/fleet/demo-layout';"],
    ['components/probe.tsx', "import * as z from '@/lib/zod-mini';"],
    ['lib/queries/probe.ts', "import { throttle } from '@/lib/throttle';"],
    ['lib/server/probe.ts', "import { deadline } from '@/lib/deadline';"],
    ['lib/k8s/probe.ts', "import { deadline } from '@/lib/deadline';"],
    ['lib/auth/probe.ts', "import { cookieIsSecure } from '@/lib/security/request-protocol';"],
    ['lib/security/probe.ts', "import { authConfig } from '@/lib/auth/config';"],
    ['lib/domain/probe.ts', "import fields from '@/lib/reference/kubelet-config-v1beta1-fields.json';"],
    ['lib/env.ts', 'const level = process.env.KD_LOG_LEVEL;'],
    ['proxy.ts', "const dev = process.env.NODE_ENV === 'development';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
