import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/config';
import { openSession, SESSION_COOKIE } from '@/lib/auth/session';
import { contentSecurityPolicy } from '@/lib/security/content-security-policy';
import { refuseForeignHost } from '@/lib/security/host-gate';
import { servedOverTls, STRICT_TRANSPORT_SECURITY } from '@/lib/security/request-protocol';

/**
 * Next 16 "proxy" (formerly middleware). It runs for EVERY request — pages, API routes, server-sent event
 * streams, static files, and prefetches (`Next-Router-Prefetch: 1`, `Purpose: prefetch`) — so nothing bypasses
 * the same gate (no `config.matcher`: a matcher that leaves paths out is how API routes and prefetches used to
 * skip it):
 * 1. `Host` must be one the dashboard answers to (DNS rebinding; lib/security/host-gate.ts), else 403.
 * 2. Pages, shared modes: a request without a usable session goes to /signin, server-side. This is for the user's
 *    sake, not the enforcement: every Kubernetes call resolves the user in getRequestKube (lib/server/request-kube.ts),
 *    and API routes answer 401 themselves.
 * 3. Pages: a fresh CSP nonce per request. Next reads the nonce from the request's CSP header while rendering and
 *    stamps it on its own scripts, which is why pages render dynamically.
 * 4. Over TLS (lib/security/request-protocol.ts), every answer carries Strict-Transport-Security.
 */
export async function proxy(request: NextRequest) {
  const response = await gate(request);
  if (servedOverTls(request)) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

/** Served by route handlers or as files: no sign-in redirect (API routes answer 401 Status) and no page CSP. */
const NOT_A_PAGE = /^\/(api|_next|favicon\.ico|icon\.svg|healthz|readyz|metrics)(\/|$)/;

async function gate(request: NextRequest): Promise<Response> {
  const path = request.nextUrl.pathname;
  const foreign = refuseForeignHost(request, path);
  if (foreign) return foreign;
  if (NOT_A_PAGE.test(path)) return NextResponse.next();
  const signIn = await signInGate(request);
  if (signIn) return signIn;
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

async function signInGate(request: NextRequest): Promise<Response | undefined> {
  const { mode, sessionSecret } = authConfig();
  const path = request.nextUrl.pathname;
  if (mode === 'local' || path === '/signin') return undefined;
  if (mode === 'proxy-header') {
    return /^Bearer\s+\S/i.test(request.headers.get('authorization') ?? '') ? undefined : toSignIn(request, 'required');
  }
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  if (sessionSecret && (await openSession(cookie, sessionSecret, new Date()))) return undefined;
  // SameSite=Strict: a link from another site arrives without the cookie. One same-origin reload (a meta refresh,
  // no script, so the CSP holds) brings it along; a user who really has no session then gets the redirect.
  if (request.headers.get('sec-fetch-site') === 'cross-site' && request.method === 'GET') {
    return new Response('<!doctype html><meta http-equiv="refresh" content="0"><title>Kubelet dashboard</title>', {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  return toSignIn(request, cookie ? 'expired' : 'required');
}

function toSignIn(request: NextRequest, reason: 'expired' | 'required'): Response {
  const url = new URL('/signin', request.url);
  url.searchParams.set('reason', reason);
  url.searchParams.set('next', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(url, 303);
}
