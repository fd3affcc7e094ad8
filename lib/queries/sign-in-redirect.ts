import { AppError } from '@/lib/app-error';

/**
 * Shared modes: a SignInRequired answer (no session, or the cluster rejected the user's token) sends the browser
 * to /signin, remembering where it was. A full navigation, not a router push, so nothing cached survives.
 * Local mode never answers SignInRequired (a rejected kubeconfig is an Unauthorized the page shows).
 */
export function redirectOnSignInRequired(err: unknown): void {
  if (typeof window === 'undefined' || !(err instanceof AppError) || err.reason !== 'SignInRequired') return;
  const { pathname, search } = window.location;
  if (pathname === '/signin') return;
  // A full load on purpose: no cached query or client state may outlive the user's session.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/signin?reason=expired&next=${encodeURIComponent(pathname + search)}`);
}
