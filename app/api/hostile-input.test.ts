/**
 * Hostile and oversized input through the real route handlers against the simulated cluster: YAML bombs and
 * absurd nesting in the explain paste, parser warnings that would quote the paste on stderr, a 5 MB paste, things
 * that do not exist, and a bulk approval of made-up names. Each gets a clear answer, costs little, and leaves
 * no paste in the logs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ExplainResponseSchema } from '@/lib/api/provenance';
import { resetAuthConfigForTests } from '@/lib/auth/config';
import { resetEnvForTests } from '@/lib/env';
import { StatusSchema } from '@/lib/errors';
import { getKube, resetKubeCacheForTests } from '@/lib/k8s/client';
import { getCsrWire } from '@/lib/k8s/csrs';
import { log } from '@/lib/observability/log';
import { csrf } from '@/lib/security/csrf';
import { DEMO_CSRS, DEMO_NODES } from '@/sim/fleet/demo-layout';
import { startSim, type SimHandle } from '@/sim/server/start';

vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers(),
}));

const explainRoute = await import('./nodes/[name]/explain/route');
const podsRoute = await import('./nodes/[name]/pods/route');
const bulkRoute = await import('./csrs/bulk-approve/route');

const ORIGIN = 'http://127.0.0.1:3300';
const NODE = DEMO_NODES.kubeadmClean[0];
let sim: SimHandle;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-hostile-'));
  sim = await startSim({ scenario: 'demo', port: 0, tickMs: 0, kubeconfigPath: path.join(dir, 'kubeconfig') });
  process.env.KUBECONFIG = sim.kubeconfigPath;
  resetEnvForTests();
  resetAuthConfigForTests();
  resetKubeCacheForTests();
});
afterAll(async () => {
  delete process.env.KUBECONFIG;
  resetEnvForTests();
  resetKubeCacheForTests();
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

const { token } = csrf.issue(false);
const post = (url: string, body: string) =>
  new Request(new URL(url, ORIGIN), {
    method: 'POST',
    headers: {
      host: '127.0.0.1:3300',
      origin: ORIGIN,
      'content-type': 'application/json',
      'x-csrf-token': token,
      cookie: `kd_csrf=${token}`,
    },
    body,
  });
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const explain = (content: string) =>
  explainRoute.POST(
    post(
      `/api/nodes/${NODE}/explain`,
      JSON.stringify({ inputs: [{ kind: 'kubelet-config', path: '/var/lib/kubelet/config.yaml', content }] }),
    ),
    params({ name: NODE }),
  );

function billionLaughs(): string {
  const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++)
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(',')}]`,
    );
  return lines.join('\n');
}
function mergeChain(links = 400): string {
  let text = 'kind: KubeletConfiguration\na0: &a0 {x: 1}\n';
  for (let i = 1; i < links; i++) text += `a${i}: &a${i}\n  <<: *a${i - 1}\n  y${i}: 1\n`;
  return text;
}

const csrVersion = async (name: string) =>
  (await getCsrWire(getKube({ context: 'sim-admin' }), name)).metadata.resourceVersion;

/** Every way the server could print: pino's levels, console, and the process warnings yaml uses. */
function captureOutput() {
  const calls: unknown[] = [];
  const keep = (...args: unknown[]) => void calls.push(args);
  for (const level of ['error', 'warn', 'info'] as const) vi.spyOn(log, level).mockImplementation(keep);
  vi.spyOn(console, 'error').mockImplementation(keep);
  vi.spyOn(console, 'warn').mockImplementation(keep);
  vi.spyOn(process, 'emitWarning').mockImplementation(keep);
  return calls;
}

describe('explain paste', () => {
  it.each([
    ['a billion-laughs alias bomb', billionLaughs(), /aliases/],
    ['a 400-deep << merge chain', mergeChain(), /aliases/],
    ['30,000 nested flow sequences', `${'['.repeat(30_000)}${']'.repeat(30_000)}`, /nests deeper than 32 levels/],
  ])('refuses %s with a 422 naming the file, logging nothing', async (_label, content, message) => {
    const output = captureOutput();
    const res = await explain(content);
    const status = StatusSchema.parse(await res.json());
    expect(res.status).toBe(422);
    expect(status).toMatchObject({ reason: 'Invalid', code: 422 });
    expect(status.message).toMatch(/^Refused: \/var\/lib\/kubelet\/config\.yaml /);
    expect(status.message).toMatch(message);
    expect(output).toEqual([]);
  });

  it("returns the YAML parser's warnings in the answer; nothing reaches stderr or the log", async () => {
    const output = captureOutput();
    const res = await explain(
      'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmaxPods: !SECRET hunter2\n',
    );
    expect(res.status).toBe(200);
    const body = ExplainResponseSchema.parse(await res.json());
    expect(body.warnings.map((w) => w.message)).toContain(
      '/var/lib/kubelet/config.yaml, line 3: Unresolved tag: !SECRET (TAG_RESOLVE_FAILED)',
    );
    expect(output).toEqual([]);
  });

  it('refuses a 5 MB paste with 413 and the limit, before reading it', async () => {
    const content = 'x'.repeat(5 * 1024 * 1024);
    const res = await explain(content);
    expect(res.status).toBe(413);
    expect(StatusSchema.parse(await res.json()).message).toMatch(/^Request too large: 5,121 KiB \(limit 400 KiB\)\.$/);
  });
});

describe('things that do not exist', () => {
  it('pods of a node that does not exist: 404, not 200 []', async () => {
    const res = await podsRoute.GET(
      new Request(`${ORIGIN}/api/nodes/does-not-exist/pods`),
      params({ name: 'does-not-exist' }),
    );
    expect(res.status).toBe(404);
    expect(StatusSchema.parse(await res.json()).reason).toBe('NotFound');
    const real = await podsRoute.GET(new Request(`${ORIGIN}/api/nodes/${NODE}/pods`), params({ name: NODE }));
    expect(real.status).toBe(200);
  });
});

describe('bulk approval', () => {
  it('refuses 3,000 made-up names in one answer: one LIST, no per-name read, no per-name audit line', async () => {
    const output = captureOutput();
    sim.resetStats();
    const items = Array.from({ length: 3000 }, (_, i) => ({ name: `made-up-${i}`, resourceVersion: '1' }));
    const res = await bulkRoute.POST(post('/api/csrs/bulk-approve', JSON.stringify({ items })));
    expect(res.status).toBe(422);
    expect(StatusSchema.parse(await res.json()).message).toMatch(
      /^Bulk approval refused: 3,000 of 3,000 names are not pending CSRs from the reviewed list \(3,000 not found: made-up-0, made-up-1, made-up-2, made-up-3, made-up-4 and 2,995 more\)/,
    );
    const kinds = sim.stats().requestsByKind;
    expect(Object.keys(kinds).filter((k) => k.startsWith('certificatesigningrequests'))).toEqual([
      'certificatesigningrequests.list',
    ]);
    expect(output).toHaveLength(1); // the one refusal line
    expect(JSON.stringify(output)).toContain('csr-bulk-refused');
  });

  it('refuses the whole request when one name is unknown, approving none', async () => {
    const version = await csrVersion(DEMO_CSRS.goodServing2);
    const res = await bulkRoute.POST(
      post(
        '/api/csrs/bulk-approve',
        JSON.stringify({
          items: [
            { name: DEMO_CSRS.goodServing2, resourceVersion: version },
            { name: 'nope', resourceVersion: '1' },
          ],
        }),
      ),
    );
    expect(res.status).toBe(422);
    expect(await csrVersion(DEMO_CSRS.goodServing2)).toBe(version);
  });
});
