import { quantitiesEqual, tryParseQuantity } from './quantity';

/**
 * QoS classes (pkg/apis/core/helper/qos). The eviction order itself is in ./eviction-order.ts.
 */
export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/**
 * QoS class per the API (pkg/apis/core/helper/qos): Guaranteed when every container has cpu and memory limits
 * equal to requests, BestEffort when no container sets any, Burstable otherwise. Used when status.qosClass is empty.
 */
export function qosClassOf(
  containers: ReadonlyArray<{ requests?: Record<string, string>; limits?: Record<string, string> }>,
): QosClass {
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = c.requests ?? {};
    const lim = c.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      const q = req[r] ?? l; // requests default to limits
      const lq = tryParseQuantity(l);
      const rq = tryParseQuantity(q);
      if (!lq || !rq || !quantitiesEqual(lq, rq)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
