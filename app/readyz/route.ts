import { readiness } from '@/lib/server/readiness';

// Readiness (lib/server/readiness.ts). Answered whatever the Host (lib/security/host-gate.ts): the kubelet probes
// by pod IP. With KD_PROBE_PORT set, the probe listener answers the same on its own thread (probe-listener.ts).
export const dynamic = 'force-dynamic';

export function GET() {
  const r = readiness();
  if (r.ready) return new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
  return Response.json(r.status, { status: 503, headers: { 'cache-control': 'no-store' } });
}
