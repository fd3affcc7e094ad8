import { humanDuration } from '@/lib/view/age';

/** "kubelet-serving" for the well-known kubernetes.io signers, the full name otherwise. */
export function shortSigner(signer: string): string {
  return signer.startsWith('kubernetes.io/') ? signer.slice('kubernetes.io/'.length) : signer;
}

/** spec.expirationSeconds as a duration ("24h"); null means the signer's default. */
export function formatRequestedDuration(seconds: number | null): string {
  return seconds === null ? 'default' : humanDuration(seconds);
}
