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
