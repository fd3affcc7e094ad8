import 'server-only';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import {
  decodeCsrRequest,
  decodeIssuedCertificate,
  type CertificateDecodeResult,
  type DecodeResult,
} from '@/lib/domain/csr-decode';

/**
 * Decoded CSR requests and issued certificates, remembered by the SHA-256 of their base64 text.
 *
 * Why: decoding is the CSR list's whole cost. Parsing a PKCS#10 request with @peculiar/x509 and verifying its
 * self-signature (WebCrypto key import) took ~2.8 ms per CSR on the main thread, so every GET /api/csrs and every
 * /csrs render at 1,000 pending CSRs (a node pool scaling up, a rotation storm) spent 2.8 s decoding the same
 * bytes again, and the browser asks again on every CSR event (`npm run bench -- csr`). A CSR's `spec` is
 * immutable once created (certificates/v1 validation), and each decode is a pure function of the text, so
 * what was decoded once stays right.
 *
 * Content-addressed, so shared by every identity and context safely: an entry is found only by someone holding
 * the same bytes, who could decode them anyway; a colliding key would need a SHA-256 collision. Bounded by
 * entry count (a request decodes to well under 1 KiB of strings; 10,000 entries stay under 10 MiB), least
 * recently used first out; a CSR deleted from the cluster simply ages out.
 */
const MAX_ENTRIES = 10_000;

type Entry = { request: Promise<DecodeResult> } | { certificate: CertificateDecodeResult };

// On globalThis: Next bundles this module into several route chunks (pages and API routes), which must share it.
const KEY = Symbol.for('kubelet-dashboard.csr-decode-memo');
type WithMemo = typeof globalThis & { [KEY]?: LRUCache<string, Entry> };

function memo(): LRUCache<string, Entry> {
  const g = globalThis as WithMemo;
  return (g[KEY] ??= new LRUCache<string, Entry>({ max: MAX_ENTRIES }));
}

/**
 * Entries are shared by every caller: frozen, so a caller that ever modified one (sorting a SAN list in place)
 * throws (modules are strict) instead of changing what the next caller is shown.
 */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

const keyOf = (kind: 'request' | 'certificate', base64: string) =>
  `${kind}:${createHash('sha256').update(base64).digest('base64')}`;

/**
 * decodeCsrRequest, once per distinct `spec.request`: a second caller while the first decode runs joins it (its
 * promise is what is kept; decodeCsrRequest never rejects).
 */
export function decodeCsrRequestOnce(requestBase64: string): Promise<DecodeResult> {
  const key = keyOf('request', requestBase64);
  const hit = memo().get(key);
  if (hit && 'request' in hit) return hit.request;
  const request = decodeCsrRequest(requestBase64).then(frozen);
  memo().set(key, { request });
  return request;
}

/** decodeIssuedCertificate, once per distinct `status.certificate`. */
export function decodeIssuedCertificateOnce(certificateBase64: string): CertificateDecodeResult {
  const key = keyOf('certificate', certificateBase64);
  const hit = memo().get(key);
  if (hit && 'certificate' in hit) return hit.certificate;
  const certificate = frozen(decodeIssuedCertificate(certificateBase64));
  memo().set(key, { certificate });
  return certificate;
}

/** Entries kept now (the unit test checks the bound and the sharing). @internal */
export const csrDecodeMemoSize = (): number => memo().size;

/** Forgets every entry (tests start from an empty memo). @internal */
export function clearCsrDecodeMemoForTests(): void {
  memo().clear();
}

/** @internal the bound, for its unit test */
export const CSR_DECODE_MEMO_MAX = MAX_ENTRIES;
