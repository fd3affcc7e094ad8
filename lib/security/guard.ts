import 'server-only';
import { csrf } from './csrf';
import { assertSameOrigin } from './same-origin';

/** What every mutating route handler runs first: same origin, then the CSRF token. Throws a 403 AppError. */
export function assertMutationAllowed(req: Request): void {
  assertSameOrigin(req);
  csrf.verify(req);
}
