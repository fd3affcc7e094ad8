import { MutationCache, QueryCache, QueryClient, isServer } from '@tanstack/react-query';
import { queryMayRetry } from '@/lib/app-error';
import { redirectOnSignInRequired } from './sign-in-redirect';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    // Shared mode: an expired or rejected token anywhere means signing in again (see sign-in-redirect.ts).
    queryCache: new QueryCache({ onError: redirectOnSignInRequired }),
    mutationCache: new MutationCache({ onError: redirectOnSignInRequired }),
    defaultOptions: {
      queries: {
        // Above zero so data prefetched on the server and hydrated is not refetched the moment the page loads.
        staleTime: 5_000,
        // 401/403/404/422 and friends will not fix themselves: fail at once and show what is needed.
        retry: (failureCount, err) => failureCount < 2 && queryMayRetry(err),
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/**
 * The server makes a new QueryClient per request: a shared one would leak one user's (or one kube
 * context's) data into another request. The browser keeps a single client for the page's lifetime: a new
 * one on every render would throw the cache away, e.g. when React suspends during the first render.
 */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
