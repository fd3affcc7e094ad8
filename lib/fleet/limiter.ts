import 'server-only';

export interface LimiterOptions {
  /** most tasks running at once */
  concurrency: number;
  /** token-bucket refill per second */
  qps: number;
  /** token-bucket size */
  burst: number;
  /** injectable clock (ms) for tests */
  now?: () => number;
}

interface Waiter {
  start: () => void;
  reject: (err: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * A bounded pool with a token-bucket rate limit, shared by every sweep of one kube identity: a task starts
 * only when fewer than `concurrency` run and a token is available. Waiters start in FIFO order, so a sweep
 * queued first finishes first. A task's slot is freed when its promise settles, so a hung request holds one
 * slot until its own deadline, never the pool.
 */
export class Limiter {
  private running = 0;
  private peak = 0;
  private tokens: number;
  private refilledAt: number;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;

  constructor(private readonly opts: LimiterOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.tokens = opts.burst;
    this.refilledAt = this.now();
  }

  get inFlight(): number {
    return this.running;
  }
  /** highest `inFlight` seen since construction (the bench and tests read it) */
  get maxInFlight(): number {
    return this.peak;
  }
  get queued(): number {
    return this.queue.length;
  }

  /** Runs `task` when a slot and a token are free; rejects with the signal's reason if aborted while queued. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        reject,
        start: () => {
          this.running++;
          this.peak = Math.max(this.peak, this.running);
          task()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.pump();
            });
        },
      };
      if (signal) {
        waiter.onAbort = () => {
          const i = this.queue.indexOf(waiter);
          if (i >= 0) this.queue.splice(i, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.opts.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.opts.qps);
    this.refilledAt = now;
  }

  private pump(): void {
    this.refill();
    while (this.queue.length > 0 && this.running < this.opts.concurrency) {
      if (this.tokens < 1) {
        this.wake(((1 - this.tokens) / this.opts.qps) * 1000);
        return;
      }
      const waiter = this.queue.shift() as Waiter;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.tokens -= 1;
      waiter.start();
    }
  }

  private wake(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(1, Math.ceil(ms)),
    );
    this.timer.unref?.();
  }
}
