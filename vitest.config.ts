import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; unit tests run server code directly.
      'server-only': fileURLToPath(new URL('./lib/testing/server-only-noop.ts', import.meta.url)),
    },
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**'],
    environment: 'node',
    // The host allowlist takes the listening port from PORT (lib/env.ts); tests address 127.0.0.1 on any port.
    env: { PORT: '' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
