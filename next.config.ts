import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Standalone output is what deploy/Dockerfile copies into the runtime image.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: true,
  // client-node pulls in optional native/ws deps; keep it out of the server bundle and require it at run time.
  serverExternalPackages: ['@kubernetes/client-node'],
};

export default nextConfig;
