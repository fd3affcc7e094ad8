import 'server-only';
import { cookies } from 'next/headers';
import type { ContextsResponse } from '@/lib/api/contexts';
import { contextNames, getKube, listContexts, type Kube } from './client';

/** Cookie holding the context the user picked (set by POST /api/contexts/current). */
export const CONTEXT_COOKIE = 'kd-context';

/** The cookie's context when it names one in the kubeconfig; a stale or forged value is ignored. */
async function cookieContext(): Promise<string | undefined> {
  const value = (await cookies()).get(CONTEXT_COOKIE)?.value;
  return value && contextNames().includes(value) ? value : undefined;
}

/**
 * The Kube for the current request. Context precedence: explicit argument, `kd-context` cookie,
 * KUBE_CONTEXT, the kubeconfig's current-context. Shared mode will read the user's token here too.
 */
export async function getRequestKube(context?: string): Promise<Kube> {
  return getKube({ context: context ?? (await cookieContext()) });
}

/** listContexts with `current` reflecting this request's cookie. */
export async function listRequestContexts(): Promise<ContextsResponse> {
  return listContexts({ current: await cookieContext() });
}
