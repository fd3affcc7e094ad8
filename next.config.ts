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
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
