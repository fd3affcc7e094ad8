import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { metrics, observeApiCall } from './prometheus';

describe('observeApiCall', () => {
  it('counts successes and failures by endpoint and the error reason', async () => {
    await observeApiCall('nodes.list', async () => 1);
    await expect(
      observeApiCall('proxy.configz', async () => {
        throw new AppError('KubeletUnreachable', 502, 'dial tcp: no route to host');
      }),
    ).rejects.toThrow('no route');
    const text = await metrics().registry.metrics();
    expect(text).toContain('kd_apiserver_requests_total{endpoint="nodes.list",outcome="ok"} 1');
    expect(text).toContain('kd_apiserver_requests_total{endpoint="proxy.configz",outcome="KubeletUnreachable"} 1');
    expect(text).toMatch(/kd_apiserver_request_duration_seconds_count\{endpoint="nodes.list"\} 1/);
  });

  it('labels client-node failures by the Status reason of their HTTP code', async () => {
    // client-node's ApiException: an Error with the HTTP status in `code` and no reason
    const conflict = Object.assign(new Error('HTTP-Code: 409'), { code: 409 });
    await expect(
      observeApiCall('certificatesigningrequests.certificates.k8s.io.approval.update', async () =>
        Promise.reject(conflict),
      ),
    ).rejects.toBe(conflict);
    await expect(
      observeApiCall('selfsubjectaccessreviews.authorization.k8s.io.create', async () =>
        Promise.reject(new Error('socket hang up')),
      ),
    ).rejects.toThrow();
    const text = await metrics().registry.metrics();
    expect(text).toContain(
      'kd_apiserver_requests_total{endpoint="certificatesigningrequests.certificates.k8s.io.approval.update",outcome="Conflict"} 1',
    );
    expect(text).toContain(
      'kd_apiserver_requests_total{endpoint="selfsubjectaccessreviews.authorization.k8s.io.create",outcome="error"} 1',
    );
  });

  it('keeps one registry per process', () => {
    expect(metrics()).toBe(metrics());
  });
});
