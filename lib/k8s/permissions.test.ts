import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { mayDecide } from '@/lib/domain/csr-permissions';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/observability/log';
import { metrics } from '@/lib/observability/prometheus';
import { DEMO_CSRS, DEMO_NODES } from '@/sim/fleet/demo-layout';
import type { Rule } from '@/sim/server/authz';
import { startSim, type SimHandle } from '@/sim/server/start';
import { resetKubeCacheForTests, userKube } from './client';
import { decideCsr } from '@/lib/server/csr-decide';
import { getReviewedCsr, listReviewedCsrs } from '@/lib/server/csr-review';
import { getCsrWire } from './csrs';
import { getKubeletConfigz, getKubeletSummary } from './kubelet';
import { findKubeletConfigMap } from './kubelet-configmap';
import { getNodeMetrics } from './node-metrics';
import { resetFleetsForTests } from '@/lib/fleet/fleet';
import { getFleetNodeList } from '@/lib/server/node-list';
import { watchNodesSince } from './fleet-sources';
import { getNode } from './nodes';
import { PERMISSIONS, type Permission } from './permissions';
import { listPodsOnNode } from './pods';
import { reviewSelf } from './self-review';

const RuleSchema = z.object({
  apiGroups: z.array(z.string()),
  resources: z.array(z.string()),
  verbs: z.array(z.string()),
  resourceNames: z.array(z.string()).optional(),
});
const RoleSchema = z.object({
  apiVersion: z.literal('rbac.authorization.k8s.io/v1'),
  kind: z.enum(['ClusterRole', 'Role']),
  metadata: z.object({ name: z.string(), namespace: z.string().optional() }),
  rules: z.array(RuleSchema),
});
type Role = z.infer<typeof RoleSchema>;

function rolesIn(file: string): Role[] {
  const text = fs.readFileSync(path.join(process.cwd(), 'deploy', file), 'utf8');
  return parseAllDocuments(text).map((d) => RoleSchema.parse(d.toJS()));
}

/** One (group, resource, subresource, verb, namespace, names) tuple per line, comparable as strings. */
const grant = (g: string, resource: string, verb: string, namespace = '*', names: readonly string[] = []) =>
  `${g || 'core'} ${resource} ${verb} ns=${namespace} names=${[...names].sort().join(',') || '*'}`;

function grantsOfRoles(roles: Role[]): string[] {
  return roles
    .flatMap((r) =>
      r.rules.flatMap((rule) =>
        rule.apiGroups.flatMap((g) =>
          rule.resources.flatMap((res) =>
            rule.verbs.map((v) => grant(g, res, v, r.metadata.namespace, rule.resourceNames)),
          ),
        ),
      ),
    )
    .sort();
}

function grantsOfCode(role: Permission['role']): string[] {
  return Object.values(PERMISSIONS as Record<string, Permission>)
    .filter((p) => p.role === role)
    .map((p) =>
      grant(
        p.group,
        p.subresource ? `${p.resource}/${p.subresource}` : p.resource,
        p.verb,
        p.namespace,
        p.resourceNames,
      ),
    )
    .sort();
}

/** The sim's rule shape for a role: a Role's rules only apply in its namespace, as a RoleBinding would. */
const simRules = (roles: Role[]): Rule[] =>
  roles.flatMap((r) =>
    r.rules.map((rule) => ({ ...rule, ...(r.metadata.namespace ? { namespaces: [r.metadata.namespace] } : {}) })),
  );

const viewerRoles = rolesIn('clusterrole-viewer.yaml');
const approverRoles = rolesIn('clusterrole-approver.yaml');

describe('deploy/ RBAC matches lib/k8s/permissions.ts', () => {
  it('the viewer roles grant exactly what the read paths declare', () => {
    expect(grantsOfRoles(viewerRoles)).toEqual(grantsOfCode('viewer'));
  });

  it('the approver role grants exactly what deciding a CSR declares', () => {
    expect(grantsOfRoles(approverRoles)).toEqual(grantsOfCode('approver'));
  });

  it('names no wildcard and no write outside CSR approval', () => {
    const all = [...grantsOfRoles(viewerRoles), ...grantsOfRoles(approverRoles)];
    expect(
      all.filter((g) =>
        g
          .split(' ')
          .slice(0, 3)
          .some((t) => t.includes('*')),
      ),
    ).toEqual([]);
    const writes = all.filter((g) => / (update|patch|delete|deletecollection|escalate|bind|impersonate) /.test(g));
    expect(writes).toEqual(['certificates.k8s.io certificatesigningrequests/approval update ns=* names=*']);
  });
});

/**
 * Behavioural proof: users whose only permissions are the deploy/ roles (bound in the sim from the same YAML)
 * run the data functions through userKube, the shared-mode path, and everything the dashboard shows works.
 */
describe('a user bound to exactly the deploy/ roles', () => {
  let sim: SimHandle;
  let dir: string;
  const as = (user: string) => {
    const token = sim.userTokens[user];
    if (!token) throw new Error(`no token for ${user}`);
    return userKube(token, { kubeconfigPath: sim.kubeconfigPath });
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kd-perms-'));
    sim = await startSim({
      scenario: 'demo',
      port: 0,
      tickMs: 0,
      kubeconfigPath: path.join(dir, 'kubeconfig'),
      users: [
        { name: 'yaml-viewer', rules: simRules(viewerRoles) },
        { name: 'yaml-approver', rules: simRules([...viewerRoles, ...approverRoles]) },
        { name: 'no-node-proxy', rules: simRules(viewerRoles).filter((r) => !r.resources?.includes('nodes/proxy')) },
      ],
    });
    resetKubeCacheForTests();
  });
  afterAll(async () => {
    resetFleetsForTests();
    await sim?.close();
    resetKubeCacheForTests();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the node list with metrics and pods, node detail, configz, summary and node metrics', async () => {
    const kube = as('yaml-viewer');
    const list = await getFleetNodeList(kube);
    expect(list.items.length).toBeGreaterThan(10);
    expect(list.metrics.available).toBe(true);
    expect(list.pods.available).toBe(true);
    const node = DEMO_NODES.kubeadmClean[0];
    await expect(getNode(kube, node)).resolves.toMatchObject({ name: node });
    await expect(getKubeletConfigz(kube, node)).resolves.toHaveProperty('kubeletconfig');
    await expect(getKubeletSummary(kube, node)).resolves.toHaveProperty('node');
    expect((await listPodsOnNode(kube, node)).length).toBeGreaterThan(0);
    await expect(getNodeMetrics(kube, node)).resolves.toMatchObject({ name: node });
    await expect(findKubeletConfigMap(kube)).resolves.toMatchObject({
      namespace: 'kube-system',
      name: 'kubelet-config',
    });
  });

  it('counts every API-server request in /metrics by a bounded endpoint label, never a node name', async () => {
    await getKubeletConfigz(as('no-node-proxy'), DEMO_NODES.kubeadmClean[0]).catch(() => undefined);
    const text = await metrics().registry.metrics();
    expect(text).toMatch(/kd_apiserver_requests_total\{endpoint="proxy.configz",outcome="ok"\} \d+/);
    expect(text).toMatch(/kd_apiserver_requests_total\{endpoint="proxy.configz",outcome="Forbidden"\} \d+/);
    expect(text).toMatch(/kd_apiserver_requests_total\{endpoint="nodes.list",outcome="ok"\}/);
    expect(text).toMatch(/kd_apiserver_request_duration_seconds_count\{endpoint="metrics.nodes.get"\}/);
    expect(text).not.toContain(DEMO_NODES.kubeadmClean[0]);
  });

  it('watches nodes', async () => {
    const first = await new Promise<string>((resolve, reject) => {
      let stop: (() => void) | undefined;
      void watchNodesSince(as('yaml-viewer'), {
        resourceVersion: '0',
        onEvent: (e) => {
          stop?.();
          resolve(e.type);
        },
        onDone: (err) => (err ? reject(err) : undefined),
      }).then((s) => (stop = s), reject);
    });
    expect(first).toBe('ADDED');
  });

  it('reviews CSRs, knows who it is, and may not decide', async () => {
    const kube = as('yaml-viewer');
    await expect(reviewSelf(kube)).resolves.toMatchObject({ user: 'yaml-viewer', verifiedBy: 'SelfSubjectReview' });
    const list = await listReviewedCsrs(kube, new Date());
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.permissions.identity).toBe('yaml-viewer');
    expect(list.permissions.updateApproval.allowed).toBe(false);
    await expect(getReviewedCsr(kube, DEMO_CSRS.goodServing)).resolves.toHaveProperty('csr');
  });

  it('approves as the approver; the viewer gets the cluster 403 and nothing changes', async () => {
    vi.spyOn(log, 'info').mockImplementation(() => log);
    const signer = 'kubernetes.io/kubelet-serving';
    expect(
      mayDecide(await listReviewedCsrs(as('yaml-approver'), new Date()).then((l) => l.permissions), signer).allowed,
    ).toBe(true);

    const before = await getCsrWire(as('yaml-viewer'), DEMO_CSRS.goodServing2);
    const refused = await decideCsr(as('yaml-viewer'), {
      name: DEMO_CSRS.goodServing2,
      decision: 'approve',
      resourceVersion: before.metadata.resourceVersion,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe(403);
    const after = await getCsrWire(as('yaml-viewer'), DEMO_CSRS.goodServing2);
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);

    const r = await decideCsr(as('yaml-approver'), {
      name: DEMO_CSRS.goodServing2,
      decision: 'approve',
      resourceVersion: after.metadata.resourceVersion,
    });
    expect(r.decision).toBe('Approved');
    vi.restoreAllMocks();

    // client-node's own calls are counted too: the approval write, the access reviews, the node watch above
    const text = await metrics().registry.metrics();
    for (const endpoint of [
      'certificatesigningrequests.certificates.k8s.io.approval.update',
      'selfsubjectreviews.authentication.k8s.io.create',
      'selfsubjectaccessreviews.authorization.k8s.io.create',
      'nodes.watch',
    ]) {
      expect(text).toMatch(
        new RegExp(`kd_apiserver_requests_total\\{endpoint="${endpoint.replaceAll('.', '\\.')}",outcome="ok"\\} [1-9]`),
      );
    }
  });

  it('without nodes/proxy: the node list still works, kubelet reads are Forbidden naming the permission', async () => {
    const kube = as('no-node-proxy');
    expect((await getFleetNodeList(kube)).items.length).toBeGreaterThan(10);
    const err = await getKubeletConfigz(kube, DEMO_NODES.kubeadmClean[0]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      hint: expect.stringContaining('"get nodes/proxy" (check with: kubectl auth can-i get nodes/proxy)'),
    });
  });
});
