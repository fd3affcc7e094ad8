// Liveness: the process serves requests. Says nothing about the cluster (that is /readyz).
export const dynamic = 'force-dynamic';

export function GET() {
  return new Response('ok', { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
}
