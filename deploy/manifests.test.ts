import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { authConfig, resetAuthConfigForTests } from '@/lib/auth/config';
import { resetEnvForTests } from '@/lib/env';
import { hostAllowed, hostAllowlist } from '@/lib/security/allowed-hosts';

/**
 * The manifests as kubectl builds them (`kubectl kustomize deploy`, offline), each object checked against the
 * fields the API server requires and against each other. Not `kubectl apply --dry-run=client`: that needs
 * discovery for apps/v1 and rbac.authorization.k8s.io/v1, which the simulated cluster does not serve.
 */
const run = promisify(execFile);
const DEPLOY = path.join(process.cwd(), 'deploy');

const Meta = z.object({
  name: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/),
  namespace: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
});
const Subject = z.object({
  kind: z.enum(['Group', 'User', 'ServiceAccount']),
  name: z.string().min(1),
  apiGroup: z.string().optional(),
  namespace: z.string().optional(),
});
const RoleRef = z.object({
  apiGroup: z.literal('rbac.authorization.k8s.io'),
  kind: z.enum(['Role', 'ClusterRole']),
  name: z.string(),
});
const PolicyRule = z.object({
  apiGroups: z.array(z.string()),
  resources: z.array(z.string()).min(1),
  verbs: z.array(z.string()).min(1),
  resourceNames: z.array(z.string()).optional(),
});
const HttpProbe = z
  .object({ httpGet: z.object({ path: z.string().startsWith('/'), port: z.union([z.string(), z.number()]) }) })
  .loose();
const Container = z
  .object({
    name: z.string(),
    image: z.string().min(1),
    ports: z.array(z.object({ name: z.string(), containerPort: z.number().int() })),
    env: z.array(z.object({ name: z.string(), value: z.string().optional(), valueFrom: z.unknown().optional() })),
    securityContext: z.object({
      allowPrivilegeEscalation: z.literal(false),
      readOnlyRootFilesystem: z.literal(true),
      capabilities: z.object({ drop: z.array(z.string()) }),
    }),
    livenessProbe: HttpProbe,
    readinessProbe: HttpProbe,
    startupProbe: HttpProbe.optional(),
    volumeMounts: z.array(z.object({ name: z.string(), mountPath: z.string() })),
  })
  .loose();

const Objects = z.discriminatedUnion('kind', [
  z.object({ apiVersion: z.literal('v1'), kind: z.literal('Namespace'), metadata: Meta }),
  z.object({
    apiVersion: z.literal('v1'),
    kind: z.literal('ServiceAccount'),
    metadata: Meta,
    automountServiceAccountToken: z.boolean(),
  }),
  z.object({
    apiVersion: z.literal('rbac.authorization.k8s.io/v1'),
    kind: z.literal('ClusterRole'),
    metadata: Meta,
    rules: z.array(PolicyRule),
  }),
  z.object({
    apiVersion: z.literal('rbac.authorization.k8s.io/v1'),
    kind: z.literal('Role'),
    metadata: Meta.extend({ namespace: z.string() }),
    rules: z.array(PolicyRule),
  }),
  z.object({
    apiVersion: z.literal('rbac.authorization.k8s.io/v1'),
    kind: z.literal('ClusterRoleBinding'),
    metadata: Meta,
    roleRef: RoleRef,
    subjects: z.array(Subject).min(1),
  }),
  z.object({
    apiVersion: z.literal('rbac.authorization.k8s.io/v1'),
    kind: z.literal('RoleBinding'),
    metadata: Meta.extend({ namespace: z.string() }),
    roleRef: RoleRef,
    subjects: z.array(Subject).min(1),
  }),
  z.object({
    apiVersion: z.literal('v1'),
    kind: z.literal('Service'),
    metadata: Meta.extend({ namespace: z.string() }),
    spec: z.object({
      selector: z.record(z.string(), z.string()),
      ports: z.array(z.object({ name: z.string(), port: z.number(), targetPort: z.union([z.string(), z.number()]) })),
    }),
  }),
  z.object({
    apiVersion: z.literal('apps/v1'),
    kind: z.literal('Deployment'),
    metadata: Meta.extend({ namespace: z.string() }),
    spec: z.object({
      replicas: z.number().int().min(1),
      selector: z.object({ matchLabels: z.record(z.string(), z.string()) }),
      template: z.object({
        metadata: z.object({ labels: z.record(z.string(), z.string()) }),
        spec: z.object({
          serviceAccountName: z.string(),
          automountServiceAccountToken: z.boolean(),
          securityContext: z
            .object({ runAsNonRoot: z.literal(true), seccompProfile: z.object({ type: z.literal('RuntimeDefault') }) })
            .loose(),
          containers: z.array(Container).length(1),
          volumes: z.array(z.object({ name: z.string() }).loose()),
        }),
      }),
    }),
  }),
]);
type K8sObject = z.infer<typeof Objects>;

let objects: K8sObject[];
beforeAll(async () => {
  const { stdout } = await run('kubectl', ['kustomize', DEPLOY], { timeout: 30_000 });
  objects = parseAllDocuments(stdout).map((d) => Objects.parse(d.toJS()));
});
const ofKind = <K extends K8sObject['kind']>(kind: K) =>
  objects.filter((o): o is Extract<K8sObject, { kind: K }> => o.kind === kind);

describe('deploy/ manifests', () => {
  it('build with kubectl kustomize, every YAML file included, every object valid', () => {
    const listed = fs.readFileSync(path.join(DEPLOY, 'kustomization.yaml'), 'utf8');
    for (const f of fs.readdirSync(DEPLOY).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml'))
      expect(listed).toContain(f);
    expect(objects.map((o) => o.kind).sort()).toEqual([
      'ClusterRole',
      'ClusterRole',
      'ClusterRoleBinding',
      'ClusterRoleBinding',
      'Deployment',
      'Namespace',
      'Role',
      'Role',
      'RoleBinding',
      'RoleBinding',
      'Service',
      'ServiceAccount',
    ]);
  });

  it("binds only roles that exist, RoleBindings in their Role's namespace, and never to the dashboard itself", () => {
    const roles = new Set([
      ...ofKind('ClusterRole').map((r) => `ClusterRole/${r.metadata.name}`),
      ...ofKind('Role').map((r) => `Role/${r.metadata.namespace}/${r.metadata.name}`),
    ]);
    for (const b of ofKind('ClusterRoleBinding')) expect(roles).toContain(`ClusterRole/${b.roleRef.name}`);
    for (const b of ofKind('RoleBinding'))
      expect(roles).toContain(
        b.roleRef.kind === 'Role' ? `Role/${b.metadata.namespace}/${b.roleRef.name}` : `ClusterRole/${b.roleRef.name}`,
      );
    const subjects = [...ofKind('ClusterRoleBinding'), ...ofKind('RoleBinding')].flatMap((b) => b.subjects);
    expect(subjects.filter((s) => s.kind === 'ServiceAccount')).toEqual([]);
  });

  it('runs the pod without a ServiceAccount token, as non-root, with probes on the health routes', () => {
    const [sa] = ofKind('ServiceAccount');
    const [dep] = ofKind('Deployment');
    const [svc] = ofKind('Service');
    expect(sa?.automountServiceAccountToken).toBe(false);
    const pod = dep!.spec.template;
    expect(pod.spec.automountServiceAccountToken).toBe(false);
    expect(pod.spec.serviceAccountName).toBe(sa?.metadata.name);
    expect(dep!.spec.selector.matchLabels).toEqual(expect.objectContaining(svc!.spec.selector));
    expect(pod.metadata.labels).toEqual(expect.objectContaining(dep!.spec.selector.matchLabels));
    const c = pod.spec.containers[0]!;
    const portNames = c.ports.map((p) => p.name);
    for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe])
      if (probe) expect(portNames).toContain(probe.httpGet.port);
    for (const p of svc!.spec.ports) expect(portNames).toContain(p.targetPort);
    expect(c.livenessProbe.httpGet.path).toBe('/healthz');
    expect(c.readinessProbe.httpGet.path).toBe('/readyz');
    // the probes go to the probe listener's own thread (KD_PROBE_PORT), not the main loop's port
    const probePort = c.ports.find((p) => p.name === c.livenessProbe.httpGet.port)?.containerPort;
    expect(c.env.find((e) => e.name === 'KD_PROBE_PORT')?.value).toBe(String(probePort));
    expect(c.readinessProbe.httpGet.port).toBe(c.livenessProbe.httpGet.port);
    // and the Service does not expose it
    for (const p of svc!.spec.ports) expect(p.targetPort).not.toBe(c.livenessProbe.httpGet.port);
    for (const route of ['healthz', 'readyz'])
      expect(fs.existsSync(path.join(process.cwd(), 'app', route, 'route.ts'))).toBe(true);
    const volumes = new Set(pod.spec.volumes.map((v) => v.name));
    for (const m of c.volumeMounts) expect(volumes).toContain(m.name);
  });

  it("passes the server's own startup checks: auth settings and allowed hosts", () => {
    const env = ofKind('Deployment')[0]!.spec.template.spec.containers[0]!.env;
    const vars = Object.fromEntries(env.map((e) => [e.name, e.value ?? 'from-a-secret-'.repeat(4)]));
    const saved = { ...process.env };
    Object.assign(process.env, vars);
    resetEnvForTests();
    resetAuthConfigForTests();
    try {
      expect(() => authConfig()).not.toThrow();
      const allowed = hostAllowlist();
      expect(hostAllowed(allowed, 'kubelet-dashboard.example.com')).toBe(true);
      expect(hostAllowed(allowed, 'attacker.example')).toBe(false);
    } finally {
      for (const k of Object.keys(vars)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
      resetEnvForTests();
      resetAuthConfigForTests();
    }
  });

  it('runs shared mode with the session secret from a Secret', () => {
    const env = ofKind('Deployment')[0]!.spec.template.spec.containers[0]!.env;
    expect(env.find((e) => e.name === 'KD_AUTH_MODE')?.value).toBe('shared');
    expect(env.find((e) => e.name === 'KD_SESSION_SECRET')?.valueFrom).toEqual({
      secretKeyRef: { name: 'kubelet-dashboard-session', key: 'secret' },
    });
  });
});
