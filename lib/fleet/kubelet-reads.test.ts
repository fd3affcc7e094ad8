import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/app-error';
import { metrics } from '@/lib/observability/prometheus';
import { KubeletReads } from './kubelet-reads';
import { Limiter } from './limiter';

/** A request that answers when told to (or never), so the test decides which of two asks wins. */
function controlled<T>() {
  const calls: Array<{ resolve: (v: T) => void; reject: (e: unknown) => void }> = [];
  const request = () => new Promise<T>((resolve, reject) => calls.push({ resolve, reject }));
  return { request, calls };
}

const reads = (limiter: Limiter, hedgeMs: number) =>
  new KubeletReads('configz', limiter, { attempts: 1, hedgeMs }, () => 0);

describe('KubeletReads hedged requests', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once more after hedgeMs on the wire, and the first answer wins (counted on /metrics)', async () => {
    const before = (await metrics().hedgedReads.get()).values.find((v) => v.labels.kind === 'configz')?.value ?? 0;
    const limiter = new Limiter({ concurrency: 4 });
    const r = reads(limiter, 1000);
    const { request, calls } = controlled<string>();
    const result = r.read('n1', request);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(r.hedges).toBe(1);
    expect(r.count).toBe(2);
    expect((await metrics().hedgedReads.get()).values).toContainEqual(
      expect.objectContaining({ labels: { kind: 'configz' }, value: before + 1 }),
    );
    calls[1]!.resolve('from the hedge');
    await expect(result).resolves.toBe('from the hedge');
    // the first request answering later changes nothing, and there is no third ask
    calls[0]!.resolve('late');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
  });

  it('an answer before hedgeMs sends nothing more', async () => {
    const r = reads(new Limiter({ concurrency: 4 }), 1000);
    const { request, calls } = controlled<string>();
    const result = r.read('n1', request);
    await vi.advanceTimersByTimeAsync(10);
    calls[0]!.resolve('fast');
    await expect(result).resolves.toBe('fast');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(r.hedges).toBe(0);
  });

  it('does not hedge while other reads wait for a slot; hedges once the queue has drained', async () => {
    const limiter = new Limiter({ concurrency: 1 });
    const r = reads(limiter, 1000);
    const first = controlled<string>();
    const second = controlled<string>();
    const a = r.read('n1', first.request);
    const b = r.read('n2', second.request); // queued behind n1: the only slot is taken
    await vi.advanceTimersByTimeAsync(1500);
    expect(first.calls).toHaveLength(1);
    expect(second.calls).toHaveLength(0);
    expect(r.hedges).toBe(0);
    first.calls[0]!.resolve('n1');
    await expect(a).resolves.toBe('n1');
    // n2 is now on the wire with nothing queued: its hedge waits for a free slot, which it holds
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.hedges).toBe(1);
    expect(limiter.maxInFlight).toBe(1);
    second.calls[0]!.resolve('n2');
    await expect(b).resolves.toBe('n2');
  });

  it('the in-flight bound holds with hedges', async () => {
    const limiter = new Limiter({ concurrency: 3 });
    const r = reads(limiter, 1000);
    const c = controlled<string>();
    const all = ['a', 'b', 'c'].map((n) => r.read(n, c.request));
    await vi.advanceTimersByTimeAsync(3000);
    expect(limiter.maxInFlight).toBe(3);
    expect(c.calls).toHaveLength(3); // three hedges wait for slots the first asks hold
    for (const call of c.calls) call.resolve('ok');
    await expect(Promise.all(all)).resolves.toEqual(['ok', 'ok', 'ok']);
    // admitted once the first asks freed their slots, the hedges find their reads answered and send nothing
    await vi.advanceTimersByTimeAsync(10);
    expect(c.calls).toHaveLength(3);
    expect(r.count).toBe(3);
    expect(limiter.inFlight).toBe(0);
  });

  it('a failure of the first ask ends the read at once; a failed hedge is ignored', async () => {
    const r = reads(new Limiter({ concurrency: 4 }), 1000);
    const { request, calls } = controlled<string>();
    const result = r.read('n1', request);
    await vi.advanceTimersByTimeAsync(1000);
    calls[1]!.reject(new AppError('ServiceUnavailable', 503, 'hedge failed'));
    await vi.advanceTimersByTimeAsync(10);
    calls[0]!.resolve('first ask still answers');
    await expect(result).resolves.toBe('first ask still answers');

    const second = controlled<string>();
    const failed = r.read('n2', second.request);
    await vi.advanceTimersByTimeAsync(1000);
    expect(second.calls).toHaveLength(2);
    second.calls[0]!.reject(new AppError('Timeout', 504, 'deadline'));
    await expect(failed).rejects.toThrow('deadline');
  });

  it('hedgeMs 0 never hedges', async () => {
    const r = reads(new Limiter({ concurrency: 4 }), 0);
    const { request, calls } = controlled<string>();
    void r.read('n1', request);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });
});
