import 'server-only';

/**
 * Who is waiting: a person looking at a page (node detail, explain) or a background read (sweeps, compare,
 * warming). Interactive waiters start before background ones, so a node page opened during a 5,000-node sweep
 * waits for one free slot, not for the sweep.
 */
export type Priority = 'interactive' | 'background';

export interface LimiterOptions {
  /** most tasks running at once */
  concurrency: number;
  /** token-bucket refill per second; omitted: no rate limit, only the in-flight bound */
  qps?: number;
  /** token-bucket size (with `qps`) */
  burst?: number;
  /** injectable clock (ms) for tests */
  now?: () => number;
  /**
   * The share (0–1] of `concurrency` background tasks may use at the moment (interactive ones always get all of
   * it); omitted: all. The fleet passes the event loop's congestion (loop-pressure.ts).
   */
  backgroundShare?: () => number;
  /**
   * Start with this many in flight and allow one more each time a task settles, up to `concurrency` (TCP's slow
   * start, in tasks): each new kubelet read in flight opens a new TLS connection to the apiserver, so a pool that
   * opens all its slots at once pays every handshake together. With twenty clusters' pools starting at once that
   * was ~960 handshakes on one event loop, and it read 139 of 20,000 kubelets in 9 s (BENCHMARKS.md `clusters`).
   * After `idleResetMs` with nothing in flight (the connections have closed by then) it starts small again.
   */
  slowStart?: { initial: number; idleResetMs: number };
}

export interface RunOptions {
  /** aborting while queued rejects with the signal's reason; a started task is the task's business */
  signal?: AbortSignal;
  priority?: Priority;
  /** lets `promote` find this waiter (e.g. "configz:node-1") */
  key?: string;
}

interface Waiter {
  start: () => void;
  reject: (err: unknown) => void;
  key?: string;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * The one concurrency primitive of the app: a bounded pool with an optional token-bucket rate limit. A task
 * starts only when fewer than `concurrency` run and a token is available; interactive waiters go first, and
 * within a priority waiters start in FIFO order, so a sweep queued first finishes first. A task's slot is freed
 * when its promise settles, so a hung request holds one slot until its own deadline, never the pool. The fleet
 * layer keeps one per kube identity for every kubelet read (lib/fleet/fleet.ts); `mapBounded` uses a private one.
 */
export class Limiter {
  private running = 0;
  private peak = 0;
  private tokens: number;
  private refilledAt: number;
  private readonly queues: Record<Priority, Waiter[]> = { interactive: [], background: [] };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;
  /** tasks allowed in flight under slow start (grows by one per settled task up to `concurrency`) */
  private window: number;
  /** when the last task settled with nothing left in flight */
  private idleSince: number;

  constructor(private readonly opts: LimiterOptions) {
    this.now = opts.now ?? (() => performance.now());
    this.tokens = opts.burst ?? 1;
    this.refilledAt = this.now();
    this.window = opts.slowStart ? Math.max(1, opts.slowStart.initial) : opts.concurrency;
    this.idleSince = this.refilledAt;
  }

  get inFlight(): number {
    return this.running;
  }
  /** highest `inFlight` seen since construction (the bench and tests read it) */
  get maxInFlight(): number {
    return this.peak;
  }
  get queued(): number {
    return this.queues.interactive.length + this.queues.background.length;
  }

  /** Runs `task` when a slot (and a token) is free; rejects with the signal's reason if aborted while queued. */
  run<T>(task: () => Promise<T>, o: RunOptions = {}): Promise<T> {
    const { signal } = o;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        key: o.key,
        signal,
        reject,
        start: () => {
          this.running++;
          this.peak = Math.max(this.peak, this.running);
          task()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.window = Math.min(this.opts.concurrency, this.window + 1);
              if (this.running === 0) this.idleSince = this.now();
              this.pump();
            });
        },
      };
      if (signal) {
        waiter.onAbort = () => {
          this.remove(waiter);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queues[o.priority ?? 'background'].push(waiter);
      this.pump();
    });
  }

  /**
   * Moves the background waiter queued under `key` to the end of the interactive queue: a page that joins a read
   * a sweep queued earlier should not wait for the sweep's turn. False if no such waiter is queued.
   */
  promote(key: string): boolean {
    const i = this.queues.background.findIndex((w) => w.key === key);
    if (i < 0) return false;
    const [waiter] = this.queues.background.splice(i, 1);
    this.queues.interactive.push(waiter as Waiter);
    this.pump();
    return true;
  }

  private remove(waiter: Waiter): void {
    for (const queue of Object.values(this.queues)) {
      const i = queue.indexOf(waiter);
      if (i >= 0) queue.splice(i, 1);
    }
  }

  private next(): Waiter | undefined {
    return this.queues.interactive.shift() ?? this.queues.background.shift();
  }

  private refill(qps: number): void {
    const now = this.now();
    const burst = this.opts.burst ?? 1;
    this.tokens = Math.min(burst, this.tokens + ((now - this.refilledAt) / 1000) * qps);
    this.refilledAt = now;
  }

  private pump(): void {
    const { qps, slowStart } = this.opts;
    if (qps !== undefined) this.refill(qps);
    if (slowStart && this.running === 0 && this.now() - this.idleSince >= slowStart.idleResetMs)
      this.window = Math.max(1, slowStart.initial);
    while (this.queued > 0 && this.running < this.bound()) {
      if (qps !== undefined) {
        if (this.tokens < 1) {
          this.wake(((1 - this.tokens) / qps) * 1000);
          return;
        }
        this.tokens -= 1;
      }
      const waiter = this.next() as Waiter;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.start();
    }
  }

  /** How many may run for the next waiter: all slots for a person, the background share otherwise (at least 1). */
  private bound(): number {
    const { concurrency, backgroundShare } = this.opts;
    const open = Math.min(concurrency, this.window);
    if (this.queues.interactive.length > 0 || !backgroundShare) return open;
    return Math.max(1, Math.min(open, Math.floor(concurrency * backgroundShare())));
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

/**
 * `fn` over `items` with at most `concurrency` running at once, results in input order (a rejection rejects the
 * whole, as Promise.all does: callers that want every item's outcome catch inside `fn`).
 */
export function mapBounded<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const limiter = new Limiter({ concurrency: Math.max(1, concurrency) });
  return Promise.all(items.map((item) => limiter.run(() => fn(item))));
}
