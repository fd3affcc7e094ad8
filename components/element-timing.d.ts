import 'react';

/**
 * The Element Timing API's attribute (https://w3c.github.io/element-timing/): the browser records when an element
 * carrying it is first painted (a PerformanceElementTiming entry). The node list marks its rows' text with it, the
 * posture page its checks' titles, so `npm run bench` reads when they were painted from the browser itself
 * (bench/server-bench.ts, bench/fleet-bench.ts).
 * React passes it through as written; its DOM types do not know it yet.
 */
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration repeats React's own type parameter
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
