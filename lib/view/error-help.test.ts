import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/app-error';
import { describeError } from './error-help';

describe('describeError', () => {
  it('prefers the hint the server sent', () => {
    const help = describeError(
      new AppError('Forbidden', 403, 'nodes is forbidden', 'grant list nodes to alice'),
      'nodes',
    );
    expect(help).toEqual({
      title: 'Permission denied',
      message: 'nodes is forbidden',
      needs: 'grant list nodes to alice',
      status: 'Forbidden (403)',
    });
  });

  it('names the RBAC permission a Forbidden needs when there is no hint', () => {
    expect(describeError(new AppError('Forbidden', 403, 'x'), 'nodes').needs).toMatch(/"list" on that resource/);
    expect(describeError(new AppError('Forbidden', 403, 'x'), 'nodes').needs).toMatch(/nodes/);
  });

  it('says connectivity is needed when the cluster is unreachable', () => {
    expect(describeError(new AppError('ServiceUnavailable', 503, 'dial tcp'), 'nodes').needs).toMatch(/connectivity/i);
  });

  it("shows a refused request (413, 422) as the server's own words, not as a server error", () => {
    const tooLarge = describeError(
      new AppError('BadRequest', 413, 'Request too large: 5,121 KiB (limit 400 KiB).'),
      'x',
    );
    expect(tooLarge).toMatchObject({
      title: 'Request refused',
      message: 'Request too large: 5,121 KiB (limit 400 KiB).',
    });
    expect(tooLarge.needs).not.toMatch(/server log/);
    expect(describeError(new AppError('Invalid', 422, 'Refused: x.yaml nests deeper'), 'x').title).toBe(
      'Invalid input',
    );
  });

  it('handles errors that are not AppErrors without a status', () => {
    const help = describeError(new TypeError('boom'), 'nodes');
    expect(help.message).toBe('boom');
    expect(help.status).toBeUndefined();
  });
});

describe('describeError titles for kubelet failures', () => {
  it('calls an unreachable kubelet what it is, not a server error', () => {
    const help = describeError(
      new AppError('KubeletUnreachable', 502, 'dial tcp 10.0.2.47:10250: no route to host'),
      'nodes/proxy',
    );
    expect(help.title).toBe('Kubelet unreachable');
    expect(help.status).toBe('KubeletUnreachable (502)');
  });
});
