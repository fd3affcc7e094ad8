/**
 * The /csrs filters as they live in the URL (`?state=Pending&signer=kubernetes.io/kubelet-serving`), so a filtered
 * list can be shared, reloaded and gone back from. Anything unknown in the URL is dropped, never trusted.
 */
export const CSR_STATES = ['Pending', 'Approved', 'Denied', 'Failed'] as const;
type CsrStateFilter = (typeof CSR_STATES)[number];

export interface CsrFilters {
  state?: CsrStateFilter;
  signer?: string;
}

/** Signer names are qualified names (`example.com/name`), at most 571 characters by the API's rules. */
const MAX_SIGNER_CHARS = 571;

export function parseCsrFilters(params: URLSearchParams): CsrFilters {
  const state = params.get('state') ?? '';
  const signer = params.get('signer') ?? '';
  return {
    state: (CSR_STATES as readonly string[]).includes(state) ? (state as CsrStateFilter) : undefined,
    signer: signer && signer.length <= MAX_SIGNER_CHARS ? signer : undefined,
  };
}

/** The query string for the filters, without the `?`; empty when nothing is filtered. */
export function serializeCsrFilters(f: CsrFilters): string {
  const params = new URLSearchParams();
  if (f.state) params.set('state', f.state);
  if (f.signer) params.set('signer', f.signer);
  return params.toString();
}
