import { ZodError } from 'zod';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError, toStatus } from '@/lib/errors';
import { resetEnvForTests } from '@/lib/env';
import { getKube } from './client';
import { getKubeletConfigz, getKubeletConfigzBytes, getKubeletNodeStats, getKubeletSummary } from './kubelet';
import { startFakeApiserver, statusBody, type FakeApiserver, type FakeReply } from './testing/fake-apiserver';

const replies = new Map<string, FakeReply>();
let fake: FakeApiserver;
const kube = () => getKube({ kubeconfigPath: fake.kubeconfigPath });

beforeAll(async () => {
  fake = await startFakeApiserver(
    (p) => replies.get(p) ?? { status: 404, body: statusBody(404, 'NotFound', 'nodes "x" not found') },
  );
});
afterAll(() => fake.close());
afterEach(() => {
  replies.clear();
  fake.requests.length = 0;
  delete process.env.KD_MAX_BODY_BYTES;
  resetEnvForTests();
});

const configzPath = (n: string) => `/api/v1/nodes/${n}/proxy/configz`;

async function failure(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return toStatus(err);
}

describe('getKubeletConfigz', () => {
  it('returns the kubeletconfig and keeps fields we do not know', async () => {
    replies.set(configzPath('n1'), {
      body: JSON.stringify({ kubeletconfig: { maxPods: 110, someFutureField: { a: 1 } } }),
    });
    const c = await getKubeletConfigz(kube(), 'n1');
    expect(c.kubeletconfig).toEqual({ maxPods: 110, someFutureField: { a: 1 } });
  });

  it('maps a body that is not JSON to MalformedResponse 502', async () => {
    replies.set(configzPath('n1'), { body: '{"kubeletconfig": {"maxPods": 1' });
    expect(await failure(getKubeletConfigz(kube(), 'n1'))).toMatchObject({ reason: 'MalformedResponse', code: 502 });
  });

  it('maps JSON without the kubeletconfig wrapper to MalformedResponse 502, naming the field', async () => {
    replies.set(configzPath('n1'), { body: JSON.stringify({ maxPods: 110 }) });
    const s = await failure(getKubeletConfigz(kube(), 'n1'));
    expect(s).toMatchObject({ reason: 'MalformedResponse', code: 502 });
    expect(s.message).toContain('kubeletconfig');
  });

  it("maps the apiserver's 403 Status to Forbidden with its message and the nodes/proxy permission", async () => {
    const msg =
      'nodes "n1" is forbidden: User "viewer" cannot get resource "nodes/proxy" in API group "" at the cluster scope';
    replies.set(configzPath('n1'), { status: 403, body: statusBody(403, 'Forbidden', msg) });
    const s = await failure(getKubeletConfigz(kube(), 'n1'));
    expect(s).toMatchObject({ reason: 'Forbidden', code: 403, message: msg });
    expect(s.hint).toContain('get nodes/proxy');
  });

  it("maps the kubelet's own plain-text 403 (through the proxy) to Forbidden carrying that text", async () => {
    const text = 'Forbidden (user=kube-apiserver-kubelet-client, verb=get, resource=nodes, subresource=proxy)';
    replies.set(configzPath('n1'), { status: 403, body: text, contentType: 'text/plain' });
    const s = await failure(getKubeletConfigz(kube(), 'n1'));
    expect(s).toMatchObject({ reason: 'Forbidden', code: 403 });
    expect(s.message).toContain(text);
    expect(s.message).toContain('kubelet on node "n1"');
  });

  it('maps "error trying to reach service" (503 from the proxy) to KubeletUnreachable 502', async () => {
    const msg = 'error trying to reach service: dial tcp 10.0.2.47:10250: connect: no route to host';
    replies.set(configzPath('n1'), { status: 503, body: statusBody(503, 'ServiceUnavailable', msg) });
    const s = await failure(getKubeletConfigz(kube(), 'n1'));
    expect(s).toMatchObject({ reason: 'KubeletUnreachable', code: 502 });
    expect(s.message).toContain(msg);
  });

  it('maps 401 to Unauthorized', async () => {
    replies.set(configzPath('n1'), { status: 401, body: statusBody(401, 'Unauthorized', 'Unauthorized') });
    expect(await failure(getKubeletConfigz(kube(), 'n1'))).toMatchObject({ reason: 'Unauthorized', code: 401 });
  });

  it('gives up after the deadline with Timeout 504', async () => {
    replies.set(configzPath('n1'), { delayMs: 5_000, body: '{"kubeletconfig":{}}' });
    const s = await failure(getKubeletConfigz(kube(), 'n1', { timeoutMs: 150 }));
    expect(s).toMatchObject({ reason: 'Timeout', code: 504 });
    expect(s.message).toContain('150 ms');
  });

  it('refuses a body over KD_MAX_BODY_BYTES with 502, whether or not content-length is declared', async () => {
    process.env.KD_MAX_BODY_BYTES = '1000';
    resetEnvForTests();
    replies.set(configzPath('n1'), { body: JSON.stringify({ kubeletconfig: { big: 'y'.repeat(5000) } }) });
    const declared = await failure(getKubeletConfigz(kube(), 'n1'));
    expect(declared).toMatchObject({ code: 502, reason: 'MalformedResponse' });
    expect(declared.message).toContain('larger than 1000 bytes');
    replies.set(configzPath('n1'), { streamBytes: 1024 * 1024 });
    const streamed = await failure(getKubeletConfigz(kube(), 'n1'));
    expect(streamed.message).toContain('larger than 1000 bytes');
  });

  it.each(['../../api/v1/secrets', 'a%2Fb', '%2e%2e', 'x'.repeat(300), 'nöde', 'Node-1', 'n1/../../secrets', 'n1?x=1'])(
    'rejects the hostile name %s with 422 before any request',
    async (name) => {
      const err = await getKubeletConfigz(kube(), name).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ZodError);
      expect(toStatus(err).code).toBe(422);
      await expect(getKubeletSummary(kube(), name)).rejects.toBeInstanceOf(ZodError);
      expect(fake.requests).toEqual([]);
    },
  );
});

describe('getKubeletConfigzBytes (the fleet cache: recognise a config by its bytes before parsing it)', () => {
  it('gives the undecoded kubeletconfig object and a parse that validates it', async () => {
    replies.set(configzPath('n1'), { body: '{"kubeletconfig":{"maxPods":110,"x":"é"}}' });
    const raw = await getKubeletConfigzBytes(kube(), 'n1');
    expect(Buffer.from(raw.bytes).toString('utf8')).toBe('{"maxPods":110,"x":"é"}');
    expect(raw.parse().kubeletconfig).toEqual({ maxPods: 110, x: 'é' });
  });

  it('gives two nodes with the same config the same bytes', async () => {
    const body = JSON.stringify({ kubeletconfig: { maxPods: 110, evictionHard: { 'memory.available': '100Mi' } } });
    replies.set(configzPath('n1'), { body });
    replies.set(configzPath('n2'), { body });
    const [a, b] = await Promise.all([getKubeletConfigzBytes(kube(), 'n1'), getKubeletConfigzBytes(kube(), 'n2')]);
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0);
  });

  it('leaves a malformed body to parse, which fails as getKubeletConfigz does', async () => {
    replies.set(configzPath('n1'), { body: '{"kubeletconfig": {"maxPods": 1' });
    const truncated = await getKubeletConfigzBytes(kube(), 'n1');
    expect(() => truncated.parse()).toThrow(AppError);
    replies.set(configzPath('n2'), { body: JSON.stringify({ maxPods: 110 }) }); // no wrapper: the whole body
    const unwrapped = await getKubeletConfigzBytes(kube(), 'n2');
    expect(Buffer.from(unwrapped.bytes).toString('utf8')).toBe('{"maxPods":110}');
    const err = (() => {
      try {
        unwrapped.parse();
      } catch (e) {
        return toStatus(e);
      }
    })();
    expect(err).toMatchObject({ reason: 'MalformedResponse', code: 502 });
  });

  it('maps HTTP errors before any bytes are given', async () => {
    replies.set(configzPath('n1'), { status: 403, body: statusBody(403, 'Forbidden', 'nodes "n1" is forbidden') });
    expect(await failure(getKubeletConfigzBytes(kube(), 'n1'))).toMatchObject({ reason: 'Forbidden', code: 403 });
  });
});

describe('getKubeletSummary', () => {
  it('asks for only_cpu_and_memory when told to and accepts a sparse summary', async () => {
    replies.set('/api/v1/nodes/n1/proxy/stats/summary?only_cpu_and_memory=true', {
      body: JSON.stringify({
        node: { nodeName: 'n1', cpu: { usageNanoCores: 1 }, memory: { workingSetBytes: 2 } },
        pods: null,
      }),
    });
    const s = await getKubeletSummary(kube(), 'n1', { onlyCpuAndMemory: true });
    expect(s.node.cpu?.usageNanoCores).toBe(1);
  });
  it('rejects a summary whose leaves have the wrong type', async () => {
    replies.set('/api/v1/nodes/n1/proxy/stats/summary', {
      body: JSON.stringify({ node: { memory: { workingSetBytes: 'lots' } } }),
    });
    expect(await failure(getKubeletSummary(kube(), 'n1'))).toMatchObject({ reason: 'MalformedResponse' });
  });
});

describe('getKubeletNodeStats (the fleet sweep read: the node block only)', () => {
  const summaryPath = '/api/v1/nodes/n1/proxy/stats/summary';
  const node = { nodeName: 'n1', memory: { availableBytes: 5, workingSetBytes: 2 }, fs: { capacityBytes: 9 } };

  it('reads the node block and never looks at pods, even when pods would fail validation', async () => {
    replies.set(summaryPath, { body: `{"node":${JSON.stringify(node)},"pods":[{"podRef":"not an object"` });
    const s = await getKubeletNodeStats(kube(), 'n1');
    expect(s.node.memory?.availableBytes).toBe(5);
    expect(s.node.fs?.capacityBytes).toBe(9);
  });

  it('reads a body whose members come in another order by parsing it whole', async () => {
    replies.set(summaryPath, { body: JSON.stringify({ pods: [], node }) });
    expect((await getKubeletNodeStats(kube(), 'n1')).node.memory?.workingSetBytes).toBe(2);
  });

  it('still rejects a node block whose leaves have the wrong type, and a body that is not JSON', async () => {
    replies.set(summaryPath, { body: JSON.stringify({ node: { memory: { workingSetBytes: 'lots' } }, pods: [] }) });
    expect(await failure(getKubeletNodeStats(kube(), 'n1'))).toMatchObject({ reason: 'MalformedResponse' });
    replies.set(summaryPath, { body: '{"node":{"nodeName":' });
    expect(await failure(getKubeletNodeStats(kube(), 'n1'))).toMatchObject({ reason: 'MalformedResponse' });
  });
});
