/**
 * Runs `commit` at most once per `ms` while changes arrive: at once (next task) after a quiet spell, so the first
 * results of a sweep show without waiting for a clock tick, then once per period while more keep landing, and
 * never when nothing changed. The server sends a sweep's first results at once too (lib/server/fleet-broadcast.ts).
 */
export function commitThrottle(
  commit: () => void,
  ms: number,
  now: () => number = () => performance.now(),
): { changed: () => void; cancel: () => void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    changed() {
      if (timer !== undefined) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          last = now();
          commit();
        },
        Math.max(0, last + ms - now()),
      );
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
