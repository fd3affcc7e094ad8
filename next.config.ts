import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/security/content-security-policy';

const nextConfig: NextConfig = {
  // Standalone output is what deploy/Dockerfile copies into the runtime image (it sets KD_STANDALONE=1);
  // `next start`, used by the demo and the e2e tests, refuses to serve a standalone build.
  output: process.env.KD_STANDALONE === '1' ? 'standalone' : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: true,
  // client-node pulls in optional native/ws deps; keep it out of the server bundle and require it at run time.
  serverExternalPackages: ['@kubernetes/client-node'],
  experimental: {
    // The stylesheet (~11 kB gzip) goes inline in each page's <head>. As a separate request it waited behind the
    // node list's own GET /api/nodes (preloaded with the HTML, megabytes of JSON at 5,000 nodes, built on the same
    // event loop), and nothing paints before it: a Chromium trace of /nodes showed the first paint waiting ~0.7 s
    // for the CSS after the document had arrived (README "First screen first"). style-src allows inline styles.
    inlineCss: true,
    // proxy.ts runs for every request, so Next tees each request body for it, buffering up to this much (default
    // 10 MB). Our largest body is an explain paste (~400 KB, lib/api/provenance.ts); larger ones get 413 from the
    // route's Content-Length check before it reads anything.
    proxyClientMaxBodySize: '1mb',
  },
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
