import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The import rules of the layers (README, "Layout"): app/ → lib/server (use cases) → lib/k8s (transport, wire
 * schemas) and lib/fleet (the one kubelet pool and caches) → lib/domain (pure). Each folder lists the folders it
 * may not import and the top-level lib/*.ts modules it may; what is left is the README row's "may import".
 * `no-restricted-imports` reports each with the reason. One `files` block per folder, because ESLint keeps only the
 * last block's options for a rule: the rules are composed here, not merged by ESLint.
 */
const rule = (regex, message) => ({ regex, message });
const NO = {
  app: rule('^@/app/', 'app/ is the top layer: nothing imports a page or route handler.'),
  components: rule('^@/components/', 'Components are rendered by app/, not imported by lib/.'),
  server: rule('^@/lib/server/', 'lib/server (use cases) is called by app/ only.'),
  k8s: rule('^@/lib/k8s/', 'lib/k8s (transport, wire schemas) is reached through lib/server or lib/fleet.'),
  fleet: rule('^@/lib/fleet/', 'lib/fleet is reached through lib/server.'),
  auth: rule('^@/lib/auth/', 'Sessions are read by app/ and lib/server; the layout hands components a Viewer.'),
  security: rule('^@/lib/security/', 'Request guards belong to route handlers (app/) and proxy.ts.'),
  queries: rule('^@/lib/queries/', 'lib/queries is the browser data layer: components use it, the server does not.'),
  view: rule('^@/lib/view/', 'lib/view formats for components.'),
  api: rule('^@/lib/api/', 'This layer sits below the wire contracts.'),
  observability: rule('^@/lib/observability/', 'Logs and /metrics are server-side.'),
  env: rule('^@/lib/env$', 'The environment is parsed on the server, in lib/env.ts, and read there.'),
  reference: rule('^@/lib/reference/', 'lib/reference is upstream data, read through lib/domain.'),
  notDomain: rule(
    '^@/lib/(?!domain/|reference/)',
    'lib/domain is pure: it imports only lib/domain and lib/reference data.',
  ),
  testing: rule('^@/lib/(k8s/)?testing/|^\\./testing/', 'Test helpers are for tests.'),
  sim: rule(
    '^@/sim/|^(\\.\\./)+sim/',
    'The app never imports the simulator: it reaches it through a kubeconfig, like any cluster.',
  ),
  nextServer: rule('^next/(headers|server)$', 'Request scope (cookies, headers) is read by app/ and lib/server.'),
  next: rule('^next(/|$)', 'Framework-free layer: no Next.js here.'),
  react: rule('^react(-dom)?(/|$)|^@tanstack/', 'UI-free layer: no React here.'),
  clientNode: rule('^@kubernetes/client-node$', 'Only lib/k8s talks to client-node; nothing of it leaks out.'),
  kubelet: rule(
    '^@/lib/k8s/kubelet$',
    'Every kubelet read goes through lib/fleet (one pool, rate limit, deadline and cache per identity).',
  ),
  parent: rule('^\\.\\./', 'Import other folders as @/…, so these rules can see the edge.'),
};
/**
 * The top-level lib/*.ts modules (env, errors, app-error, cn, zod-mini, throttle, deadline) a folder may use: an
 * allow-list, so a new top-level module is refused everywhere until the README's Layout row and this list name it.
 */
const onlyTopLevel = (who, names) =>
  rule(
    `^@/lib/(?!(${names.join('|')})$)[^/]+$`,
    `${who} uses only these top-level lib/ modules: ${names.map((n) => `lib/${n}.ts`).join(', ')}.`,
  );

const KUBE_CONFIG = {
  name: '@/lib/k8s/client',
  importNames: ['kubeConfigOf'],
  message: "A Kube's KubeConfig stays inside lib/k8s: use what Kube exposes (context, server, identity).",
};

/** What each folder may not import (every folder also gets the rules in EVERYWHERE). */
const LAYERS = [
  ['app/**', 'proxy.ts', 'instrumentation.ts'].map((files) => [
    files,
    [NO.k8s, NO.fleet, NO.reference, NO.testing, onlyTopLevel('app/', ['errors', 'env'])],
  ]),
  [
    [
      'components/**',
      [
        NO.server,
        NO.k8s,
        NO.fleet,
        NO.auth,
        NO.security,
        NO.env,
        NO.observability,
        NO.reference,
        NO.app,
        NO.testing,
        NO.nextServer,
        onlyTopLevel('components/', ['app-error', 'cn', 'zod-mini']),
      ],
    ],
  ],
  [
    [
      'lib/server/**',
      [
        NO.app,
        NO.components,
        NO.queries,
        NO.view,
        NO.reference,
        NO.testing,
        NO.parent,
        onlyTopLevel('lib/server', ['errors', 'env', 'deadline', 'throttle']),
      ],
    ],
  ],
  [
    [
      'lib/auth/**',
      [
        rule(
          '^@/lib/security/(?!request-protocol$)',
          'lib/auth uses only lib/security/request-protocol.ts (when a cookie is Secure); guards belong to app/ and proxy.ts.',
        ),
        NO.app,
        NO.components,
        NO.server,
        NO.fleet,
        NO.queries,
        NO.view,
        NO.reference,
        NO.testing,
        NO.parent,
        onlyTopLevel('lib/auth', ['errors', 'env']),
      ],
    ],
  ],
  [
    [
      'lib/fleet/**',
      [
        NO.app,
        NO.components,
        NO.server,
        NO.auth,
        NO.security,
        NO.queries,
        NO.view,
        NO.reference,
        NO.testing,
        NO.next,
        NO.react,
        NO.parent,
        onlyTopLevel('lib/fleet', ['errors', 'env']),
      ],
    ],
  ],
  [
    [
      'lib/k8s/**',
      [
        NO.app,
        NO.components,
        NO.server,
        NO.fleet,
        NO.auth,
        NO.security,
        NO.queries,
        NO.view,
        NO.reference,
        NO.testing,
        NO.next,
        NO.react,
        NO.parent,
        onlyTopLevel('lib/k8s', ['errors', 'env', 'deadline']),
      ],
    ],
  ],
  [
    [
      'lib/security/**',
      [
        rule(
          '^@/lib/auth/(?!config$)',
          'lib/security reads only the auth mode (lib/auth/config.ts); sessions are read by app/ and lib/server.',
        ),
        NO.app,
        NO.components,
        NO.server,
        NO.fleet,
        NO.k8s,
        NO.queries,
        NO.view,
        NO.reference,
        NO.testing,
        NO.parent,
        onlyTopLevel('lib/security', ['errors', 'env', 'zod-mini']),
      ],
    ],
  ],
  [
    [
      'lib/observability/**',
      [
        rule('^@/lib/(?!env$|errors$)', 'lib/observability uses only lib/env and lib/errors.'),
        NO.app,
        NO.components,
        NO.next,
        NO.react,
        NO.parent,
      ],
    ],
  ],
  [
    [
      'lib/api/**',
      [
        NO.app,
        NO.components,
        NO.server,
        NO.k8s,
        NO.fleet,
        NO.auth,
        NO.security,
        NO.queries,
        NO.view,
        NO.observability,
        NO.env,
        NO.reference,
        NO.testing,
        NO.next,
        NO.react,
        NO.parent,
        onlyTopLevel('lib/api', ['errors', 'zod-mini']),
      ],
    ],
  ],
  [
    [
      'lib/queries/**',
      [
        NO.app,
        NO.components,
        NO.server,
        NO.k8s,
        NO.fleet,
        NO.auth,
        NO.security,
        NO.view,
        NO.observability,
        NO.env,
        NO.reference,
        NO.testing,
        NO.nextServer,
        NO.parent,
        onlyTopLevel('lib/queries', ['app-error', 'throttle', 'zod-mini']),
      ],
    ],
  ],
  [
    [
      'lib/view/**',
      [
        NO.app,
        NO.components,
        NO.server,
        NO.k8s,
        NO.fleet,
        NO.auth,
        NO.security,
        NO.queries,
        NO.observability,
        NO.env,
        NO.reference,
        NO.testing,
        NO.next,
        NO.react,
        NO.parent,
        onlyTopLevel('lib/view', ['app-error']),
      ],
    ],
  ],
  [['lib/domain/**', [NO.notDomain, NO.app, NO.components, NO.next, NO.react, NO.parent]]],
  [
    [
      'lib/*.ts',
      [
        rule(
          '^@/lib/(?!zod-mini$|app-error$|domain/)',
          'Top-level lib/ modules are leaves: they may use lib/zod-mini.ts, lib/app-error.ts and pure lib/domain, nothing else.',
        ),
        NO.app,
        NO.components,
        NO.next,
        NO.react,
      ],
    ],
  ],
].flat();

/** Rules for every folder of the app (not sim/, bench/, scripts/, e2e/: they are harnesses around it). */
const everywhere = (folder) => [
  NO.sim,
  ...(folder.startsWith('lib/k8s') ? [] : [NO.clientNode]),
  ...(folder.startsWith('lib/fleet') || folder.startsWith('lib/k8s') ? [] : [NO.kubelet]),
];

const layerBlocks = LAYERS.map(([files, forbidden]) => ({
  files: [files],
  ignores: ['**/*.test.ts', '**/*.test.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: files.startsWith('lib/k8s') ? [] : [KUBE_CONFIG],
        patterns: [...forbidden, ...everywhere(files)],
      },
    ],
  },
}));

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerBlocks,
  {
    // Environment variables are read and parsed in lib/env.ts only; NODE_ENV and NEXT_RUNTIME are Next's (inlined).
    files: ['app/**', 'components/**', 'lib/**', 'proxy.ts', 'instrumentation.ts'],
    ignores: ['lib/env.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='process'][property.name='env']:not(MemberExpression[property.name=/^(NODE_ENV|NEXT_RUNTIME)$/] > MemberExpression.object)",
          message: 'Read environment variables through lib/env.ts, where every one is parsed.',
        },
      ],
    },
  },
  {
    // The simulator is its own program: it imports nothing from the app (so it cannot echo the code under test).
    files: ['sim/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            rule('^@/', 'sim/ imports nothing from the app.'),
            rule('^(\\.\\./)+(app|components|lib)/', 'sim/ imports nothing from the app.'),
          ],
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    '.sim/**',
    'test-results/**',
    'playwright-report/**',
    'bench/out/**',
  ]),
]);
