import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { AppError, toStatus } from '@/lib/errors';
import { fromHttpResponse, timeoutError, toKubeError, unreachableFailure } from './errors';
import { statusBody } from './testing/fake-apiserver';

const SERVER = 'https://10.0.0.1:6443';

describe('fromHttpResponse', () => {
  it('turns a 403 Status on a list into Forbidden with the RBAC verb and resource', () => {
    const e = fromHttpResponse(
      403,
      statusBody(403, 'Forbidden', 'pods is forbidden: User "v" cannot list resource "pods"'),
      { kind: 'api', verb: 'list', resource: 'pods' },
      SERVER,
    );
    expect(e).toMatchObject({
      reason: 'Forbidden',
      code: 403,
      message: 'pods is forbidden: User "v" cannot list resource "pods"',
    });
    expect(e.hint).toContain('list pods');
  });
  it('names the API group in the permission for grouped resources', () => {
    const e = fromHttpResponse(
      403,
      statusBody(403, 'Forbidden', 'no'),
      { kind: 'api', verb: 'list', resource: 'certificatesigningrequests', group: 'certificates.k8s.io' },
      SERVER,
    );
    expect(e.hint).toContain('list certificatesigningrequests.certificates.k8s.io');
  });
  it('reports 401 as credentials rejected, naming the server', () => {
    const e = fromHttpResponse(401, '', { kind: 'api', verb: 'list', resource: 'nodes' }, SERVER);
    expect(e).toMatchObject({ reason: 'Unauthorized', code: 401 });
    expect(e.message).toContain('rejected the credentials');
    expect(e.message).toContain(SERVER);
  });
  it('reports a missing metrics.k8s.io group ("404 page not found", not a Status) as MetricsUnavailable 503', () => {
    const e = fromHttpResponse(404, '404 page not found\n', { kind: 'metrics' }, SERVER);
    expect(e).toMatchObject({ reason: 'MetricsUnavailable', code: 503 });
    expect(e.hint).toMatch(/install metrics-server/i);
  });
  it('reports an unavailable metrics APIService (503) as MetricsUnavailable', () => {
    const e = fromHttpResponse(
      503,
      statusBody(503, 'ServiceUnavailable', 'the server is currently unable to handle the request'),
      { kind: 'metrics' },
      SERVER,
    );
    expect(e).toMatchObject({ reason: 'MetricsUnavailable', code: 503 });
  });
  it("keeps a NotFound for one node's metrics a 404 (metrics-server is there, the sample is not)", () => {
    const e = fromHttpResponse(
      404,
      statusBody(404, 'NotFound', 'nodemetrics.metrics.k8s.io "n1" not found', {
        name: 'n1',
        group: 'metrics.k8s.io',
        kind: 'nodes',
      }),
      { kind: 'metrics', node: 'n1' },
      SERVER,
    );
    expect(e).toMatchObject({ reason: 'NotFound', code: 404 });
  });
  it('keeps the apiserver message for a missing node', () => {
    expect(
      fromHttpResponse(
        404,
        statusBody(404, 'NotFound', 'nodes "n9" not found'),
        { kind: 'api', verb: 'get', resource: 'nodes', name: 'n9' },
        SERVER,
      ),
    ).toMatchObject({ reason: 'NotFound', code: 404, message: 'nodes "n9" not found' });
  });
  it('maps 502 from the node proxy to KubeletUnreachable too', () => {
    expect(
      fromHttpResponse(502, 'Bad Gateway', { kind: 'kubelet', node: 'n1', endpoint: 'configz' }, SERVER),
    ).toMatchObject({ reason: 'KubeletUnreachable', code: 502 });
  });
  it('maps a Status with reason Timeout to 504', () => {
    expect(
      fromHttpResponse(
        500,
        statusBody(500, 'Timeout', 'Timeout: request did not complete within 60s'),
        { kind: 'api', verb: 'list', resource: 'pods' },
        SERVER,
      ),
    ).toMatchObject({ reason: 'Timeout', code: 504 });
  });
});

describe('expired lists', () => {
  it('maps 410 Gone (expired continue token) to a 409 asking for a reload', () => {
    const e = fromHttpResponse(
      410,
      statusBody(410, 'Expired', 'The provided continue parameter is too old'),
      { kind: 'api', verb: 'list', resource: 'pods' },
      SERVER,
    );
    expect(e).toMatchObject({ reason: 'Conflict', code: 409 });
    expect(e.message).toContain('too old');
  });
});

describe('toKubeError', () => {
  it("maps client-node Watch's bodiless status error", () => {
    const err = Object.assign(new Error('Forbidden'), { statusCode: 403 });
    expect(toKubeError(err, { kind: 'api', verb: 'watch', resource: 'nodes' }, SERVER)).toMatchObject({
      reason: 'Forbidden',
      hint: expect.stringContaining('watch nodes'),
    });
  });
  const target = { kind: 'api', verb: 'list', resource: 'nodes' } as const;
  it("maps client-node's ApiException through its raw-text body", () => {
    const e = toKubeError(
      new ApiException(403, 'Unknown API Status Code!', statusBody(403, 'Forbidden', 'nodes is forbidden'), {}),
      target,
      SERVER,
    );
    expect(e).toMatchObject({ reason: 'Forbidden', message: 'nodes is forbidden' });
  });
  it('maps ApiException 401 whose body is undefined', () => {
    expect(toKubeError(new ApiException(401, 'Unauthorized', undefined, {}), target, SERVER)).toMatchObject({
      reason: 'Unauthorized',
    });
  });
  it('maps ECONNREFUSED and ENOTFOUND to ServiceUnavailable with a hint', () => {
    const refused = toKubeError(
      Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:6443'), { code: 'ECONNREFUSED' }),
      target,
      SERVER,
    );
    expect(refused).toMatchObject({ reason: 'ServiceUnavailable', code: 503 });
    expect((refused as AppError).message).toContain('connection refused');
    const dns = toKubeError(
      new Error('fetch failed', { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) }),
      target,
      SERVER,
    );
    expect((dns as AppError).message).toContain('host not found');
  });
  it('explains certificate failures', () => {
    const e = toKubeError(
      Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      target,
      SERVER,
    ) as AppError;
    expect(e.message).toContain('TLS verification failed');
    expect(e.hint).toContain('certificate-authority');
    expect(unreachableFailure(e)).toBe('tls');
  });
  it('names an exec credential plugin that is not installed (the spawn ENOENT client-node passes on)', () => {
    const spawnError = Object.assign(new Error('spawn gke-gcloud-auth-plugin ENOENT'), {
      code: 'ENOENT',
      syscall: 'spawn gke-gcloud-auth-plugin',
      path: 'gke-gcloud-auth-plugin',
    });
    const e = toKubeError(spawnError, target, SERVER) as AppError;
    expect(e).toMatchObject({ reason: 'ServiceUnavailable', code: 503 });
    expect(e.message).toContain('"gke-gcloud-auth-plugin" is not installed');
    expect(unreachableFailure(e)).toBe('exec-plugin');
    // a file the kubeconfig names that is missing is not a plugin problem
    const missingFile = Object.assign(new Error("ENOENT: no such file, open '/x/ca.crt'"), { code: 'ENOENT' });
    expect(toKubeError(missingFile, target, SERVER)).toBe(missingFile);
    expect(
      unreachableFailure(toKubeError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), target, SERVER)),
    ).toBe('network');
  });
  it('passes unknown errors through so toStatus hides them', () => {
    const weird = new Error('secret internals');
    expect(toKubeError(weird, target, SERVER)).toBe(weird);
    expect(toStatus(weird)).toMatchObject({ code: 500, message: 'internal error' });
  });
});

describe('kubelet answers through the node proxy name the kubelet', () => {
  const kubelet = { kind: 'kubelet', node: 'n1', endpoint: 'configz' } as const;
  it("explains the kubelet's own 403 with the user it names", () => {
    const e = fromHttpResponse(
      403,
      'Forbidden (user=system:kube-apiserver, verb=get, resource=nodes, subresource=proxy)',
      kubelet,
      SERVER,
    );
    expect(e).toMatchObject({ reason: 'Forbidden', code: 403 });
    expect(e.hint).toContain('"system:kube-apiserver"');
    expect(e.hint).toContain('webhook authorization');
  });
  it("maps the kubelet's plain 404 for /configz to a NotFound that says the node exists", () => {
    const e = fromHttpResponse(404, '404 page not found\n', kubelet, SERVER);
    expect(e).toMatchObject({ reason: 'NotFound', code: 404 });
    expect(e.message).toContain('does not serve /configz');
    expect(e.hint).toContain('node exists');
  });
  it('gives a kubelet timeout a hint about the kubelet, an API timeout none', () => {
    expect(timeoutError(kubelet, 4000).hint).toContain('kubelet on node "n1"');
    expect(timeoutError({ kind: 'api', verb: 'list', resource: 'nodes' }, 4000).hint).toBeUndefined();
  });
});
