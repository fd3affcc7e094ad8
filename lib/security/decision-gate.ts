import 'server-only';
import { toStatus } from '@/lib/errors';
import { log } from '@/lib/observability/log';
import { assertMutationAllowed } from './guard';

export type DecisionAction = 'approve' | 'deny' | 'bulk-approve' | 'bulk-deny';

/**
 * What a CSR decision passes before anything is read from the cluster: same origin and CSRF token
 * (lib/security/guard.ts), then `parse` (the name and the body schema). A refusal there never reaches the audit
 * lines of lib/k8s/csr-approval.ts, so it is logged here: one warn line with the action, path, Status reason and
 * message, and the Host, Origin and Sec-Fetch-Site the request came with — never the body. A cross-site attempt or
 * a broken client then leaves a trace even though nothing was written.
 */
export async function admitDecision<T>(req: Request, action: DecisionAction, parse: () => Promise<T> | T): Promise<T> {
  try {
    assertMutationAllowed(req);
    return await parse();
  } catch (err) {
    const status = toStatus(err);
    const header = (name: string) => req.headers.get(name)?.slice(0, 200) ?? null;
    log.warn(
      {
        audit: 'csr-decision-refused',
        action,
        path: new URL(req.url).pathname.slice(0, 300),
        code: status.code,
        reason: status.reason,
        host: header('host'),
        origin: header('origin'),
        secFetchSite: header('sec-fetch-site'),
      },
      `csr ${action} refused before review: ${status.message.slice(0, 300)}`,
    );
    throw err;
  }
}
