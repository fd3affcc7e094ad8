import type { KnipConfig } from 'knip';

/**
 * Dead files, exports and dependencies: npm test runs `knip` (tests count as users) and `knip --production`
 * (they do not, so code only tests keep alive is reported too). The Next.js, Vitest, Playwright and ESLint plugins
 * find their own entries (pages, routes, proxy.ts, instrumentation.ts, tests, specs, configs). Listed here, and
 * marked `!` as production code: the programs started another way. Exports that exist for tests only carry an
 * `@internal` JSDoc tag, which production mode accepts.
 */
const config: KnipConfig = {
  entry: [
    'next.config.ts!',
    'sim/main.ts!',
    'scripts/demo.ts!',
    'scripts/screenshot.ts!',
    'scripts/test-summary.mjs!',
    'bench/run.ts!',
    // bundled with esbuild by bench/run.ts and run as child processes
    'bench/fleet-child.ts!',
    'bench/csr-child.ts!',
    'bench/clusters-sims.ts!', // started by bench/clusters-bench.ts in its own process
    'bench/history-child.ts!',
    // run with tsx by bench/load-bench.ts, in its own process
    'bench/healthz-probe.ts!',
  ],
  project: [
    '**/*.{ts,tsx,mjs,css}!',
    '!lib/reference/**',
    // test support: fixtures, fakes and helpers, used by tests only by design
    '!**/fixtures/**!',
    '!**/testing/**!',
    '!lib/view/test-nodes.ts!',
    '!e2e/**!',
    '!scripts/lock-completeness.ts!',
  ],
  // Tailwind is loaded from CSS (`@import 'tailwindcss'`), which knip reads only through a compiler
  compilers: {
    css: (text: string) =>
      [...text.matchAll(/@import\s+['"]([^'"]+)['"]/g)].map(([, spec]) => `import '${spec}';`).join('\n'),
  },
};

export default config;
