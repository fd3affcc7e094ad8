/**
 * A leading-edge throttle for work that batches what accumulated: `run` goes at once (next task) after a quiet
 * spell, so the first of a burst is never held for a clock tick, then at most once per `periodMs()` while requests
 * keep coming, and never while none come (no timer runs idle). Shared by the server's SSE batches (the period grows
 * with the audience: lib/server/fleet-broadcast.ts) and the browser's table commits (lib/queries/fleet-stream.ts).
 */
export interface Throttle {
  /** something accumulated: run within the period (at once after a quiet spell); one pending run at a time */
  request(): void;
  /** run now, whatever is pending (a sweep's end flushes its last results at once); counts as a run */
  runNow(): void;
  /** drop a pending run */
  cancel(): void;
}

export function throttle(
  /** the work; returning `false` means there was nothing to do, which does not start a new period */
  run: () => boolean | void,
  periodMs: () => number,
  opts: {
    now?: () => number;
    /** server side: a pending run does not keep the process alive */
    unref?: boolean;
  } = {},
): Throttle {
  const now = opts.now ?? (() => performance.now());
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    const at = now();
    if (run() !== false) last = at;
  };
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    request() {
      if (timer !== undefined) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          fire();
        },
        Math.max(0, last + periodMs() - now()),
      );
      if (opts.unref && typeof timer === 'object' && 'unref' in timer) timer.unref();
    },
    runNow() {
      cancel();
      fire();
    },
    cancel,
  };
}
