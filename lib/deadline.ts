/**
 * An AbortSignal that aborts after `ms` (reason: a `TimeoutError` DOMException, as AbortSignal.timeout gives) or
 * when `parent` aborts (its reason), with `timedOut` telling the two apart and `clear` dropping the timer and the
 * listener once the work is done.
 *
 * Why not `AbortSignal.any([parent, AbortSignal.timeout(ms)])`: on Node 20 a timeout signal reachable only through
 * the composite can be garbage-collected before it fires, and the composite then never aborts
 * (nodejs/node#57736; fix proposed in nodejs/node#57867). It did here: the clusters overview's 9 s deadline at
 * 5,000 nodes ended after 22 s, every sweep run to its end, while the server allocated heavily. A plain timer
 * holding its controller cannot be collected before it fires.
 */
export interface Deadline {
  signal: AbortSignal;
  /** true when the time ran out (not when `parent` aborted) */
  readonly timedOut: boolean;
  clear(): void;
}

export function deadline(ms: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const onParent = () => {
    clearTimeout(timer);
    controller.abort(parent?.reason);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    parent?.removeEventListener('abort', onParent);
    controller.abort(new DOMException(`The operation timed out after ${ms} ms`, 'TimeoutError'));
  }, ms);
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    clear() {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParent);
    },
  };
}
