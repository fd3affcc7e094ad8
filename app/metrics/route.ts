import { metrics } from '@/lib/observability/prometheus';

// Prometheus scrape endpoint (text exposition format).
export const dynamic = 'force-dynamic';

export async function GET() {
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
