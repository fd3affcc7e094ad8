import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/security/content-security-policy';

const nextConfig: NextConfig = {
  // Standalone output is what deploy/Dockerfile copies into the runtime image.
  output: 'standalone',
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
