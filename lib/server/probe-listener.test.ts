import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Status } from '@/lib/errors';
import { startProbeListener, type ProbeListener } from './probe-listener';
import type { Readiness } from './readiness';

const notReady: Readiness = {
  ready: false,
  status: {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    reason: 'ServiceUnavailable',
    code: 503,
    message: 'KD_ALLOWED_HOSTS is not set',
  } as Status,
};

let listener: ProbeListener | undefined;
afterEach(async () => {
  await listener?.stop();
  listener = undefined;
});

/**
 * GETs the URL from another process while this thread is blocked in spawnSync: no timer, no I/O callback runs
 * here meanwhile, exactly as when the server's main loop is stuck. `waitMs` first, so the heartbeat can go stale.
 */
function getWhileBlocked(url: string, waitMs: number): { status: number; body: string } {
  const script = `setTimeout(async () => { const r = await fetch(${JSON.stringify(url)}); process.stdout.write(JSON.stringify({ status: r.status, body: await r.text() })); }, ${waitMs});`;
  const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
  if (out.status !== 0) throw new Error(`probe client failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as { status: number; body: string };
}

describe('probe listener (own thread, own port)', () => {
  it("answers /healthz and /readyz from the main thread's last heartbeat, and nothing else", async () => {
    let state: Readiness = { ready: true };
    listener = await startProbeListener({ host: '127.0.0.1', port: 0, readiness: () => state, beatMs: 20 });
    const base = `http://127.0.0.1:${listener.port}`;
    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok']);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    state = notReady;
    await new Promise((r) => setTimeout(r, 100));
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as Status).message).toBe('KD_ALLOWED_HOSTS is not set');
    // liveness is about the process, not its configuration
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    expect((await fetch(`${base}/api/nodes`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('answers while the main thread is blocked, and fails liveness once it has been stuck longer than the limit', async () => {
    listener = await startProbeListener({
      host: '127.0.0.1',
      port: 0,
      readiness: () => ({ ready: true }),
      stallMs: 1_000,
      beatMs: 20,
    });
    const base = `http://127.0.0.1:${listener.port}`;
    // blocked ~0.1 s (plus the client's start): still within the limit, and answered although this thread is stuck
    expect(getWhileBlocked(`${base}/healthz`, 0)).toEqual({ status: 200, body: 'ok' });
    // blocked well past the limit: a hung process is reported, for the kubelet to restart it
    const hung = getWhileBlocked(`${base}/healthz`, 1_600);
    expect(hung.status).toBe(503);
    expect(hung.body).toMatch(/main event loop has not turned for \d+\.\d s \(limit 1 s\)/);
    expect(getWhileBlocked(`${base}/readyz`, 1_600).status).toBe(503);
    // the loop turns again: the next beat restores liveness
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('refuses to start on a port that is taken, naming it', async () => {
    listener = await startProbeListener({ host: '127.0.0.1', port: 0, readiness: () => ({ ready: true }) });
    await expect(
      startProbeListener({ host: '127.0.0.1', port: listener.port, readiness: () => ({ ready: true }) }),
    ).rejects.toThrow(new RegExp(`probe listener on 127.0.0.1:${listener.port}: .*EADDRINUSE`));
  });
});
