import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_CSRS } from '@/sim/fleet/demo-layout';
import { startSim, type SimHandle } from '@/sim/server/start';
import { AppError } from '@/lib/errors';
import { mayDecide } from '@/lib/domain/csr-permissions';
import { csrPermissions } from '@/lib/k8s/access-review';
import { getKube, resetKubeCacheForTests, userKube } from '@/lib/k8s/client';
import { bulkApprove, bulkDeny, decideCsr } from './csr-decide';
import { log } from '@/lib/observability/log';
import { resetFleetsForTests } from '@/lib/fleet/fleet';
import { getCsrWire } from '@/lib/k8s/csrs';
import { getReviewedCsr, listReviewedCsrs, pendingCsrCount } from './csr-review';
import { csrState } from '@/lib/domain/csr-approvers';

let sim: SimHandle;
let dir: string;
const admin = () => getKube({ kubeconfigPath: sim.kubeconfigPath, context: 'sim-admin' });
const viewer = () => getKube({ kubeconfigPath: sim.kubeconfigPath, context: 'sim-viewer' });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csr-approval-'));
  sim = await startSim({
    scenario: 'demo',
    port: 0,
    kubeconfigPath: path.join(dir, 'kubeconfig'),
    tickMs: 0,
    // may list nodes but not watch them: a review then lists the nodes it checks against
    users: [
      {
        name: 'reviewer-without-node-watch',
        rules: [
          { verbs: ['get', 'list'], apiGroups: [''], resources: ['nodes'] },
          {
            verbs: ['get', 'list', 'watch'],
            apiGroups: ['certificates.k8s.io'],
            resources: ['certificatesigningrequests'],
          },
        ],
      },
    ],
  });
  resetKubeCacheForTests();
});
afterAll(async () => {
  resetFleetsForTests(); // the node watches the reviews started
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const stateOf = async (name: string) => {
  const w = await getCsrWire(admin(), name);
  return csrState(
    (w.status?.conditions ?? []).map((c) => ({ ...c, lastUpdateTime: undefined, lastTransitionTime: undefined })),
    Boolean(w.status?.certificate),
  ).state;
};

describe('review of the demo CSRs', () => {
  it('passes the good ones and fails each hostile one on the right check', async () => {
    const list = await listReviewedCsrs(admin(), new Date());
    const row = (n: string) => {
      const r = list.items.find((x) => x.name === n);
      if (!r) throw new Error(`missing ${n}`);
      return r;
    };
    const failing = (n: string) => row(n).failingChecks.map((c) => c.id);
    for (const good of [
      DEMO_CSRS.goodServing,
      DEMO_CSRS.goodServing2,
      DEMO_CSRS.goodBootstrapClient,
      DEMO_CSRS.goodClientRenewal,
    ]) {
      expect({ good, failing: failing(good) }).toEqual({ good, failing: [] });
      expect(row(good).bulkEligible).toBe(true);
    }
    expect(failing(DEMO_CSRS.hostileOtherNodeIp)).toContain('sans-match-node');
    expect(row(DEMO_CSRS.hostileOtherNodeIp).failingChecks.find((c) => c.id === 'sans-match-node')?.reason).toMatch(
      /belongs to node k8s-worker-1/,
    );
    expect(failing(DEMO_CSRS.hostileOutsideDns)).toEqual(
      expect.arrayContaining(['sans-match-node', 'no-in-cluster-names']),
    );
    expect(failing(DEMO_CSRS.hostileCnMismatch)).toContain('cn-matches-requester');
    expect(failing(DEMO_CSRS.hostileClientUsage)).toContain('usages');
    expect(failing(DEMO_CSRS.hostileInvalidRequest)).toContain('request-decodes');
    for (const bad of [
      DEMO_CSRS.hostileOtherNodeIp,
      DEMO_CSRS.hostileOutsideDns,
      DEMO_CSRS.hostileCnMismatch,
      DEMO_CSRS.hostileClientUsage,
      DEMO_CSRS.hostileInvalidRequest,
    ])
      expect(row(bad).bulkEligible).toBe(false);
    expect(row(DEMO_CSRS.otherSigner)).toMatchObject({
      family: 'other',
      needsExtraConfirmation: true,
      bulkEligible: false,
    });
    expect(row(DEMO_CSRS.approvedIssued)).toMatchObject({
      state: 'Approved',
      stateLabel: 'Approved,Issued',
      decider: { kind: 'kubectl' },
    });
    expect(row(DEMO_CSRS.autoApproved).decider?.kind).toBe('csrapproving');
    expect(row(DEMO_CSRS.denied).state).toBe('Denied');
    expect(row(DEMO_CSRS.failed).state).toBe('Failed');
    expect(list.pendingCount).toBeGreaterThan(0);
    expect(list.flood.flood).toBe(false);
  });

  it('decodes the issued certificate', async () => {
    const d = await getReviewedCsr(admin(), DEMO_CSRS.approvedIssued);
    expect(d.csr.certificate?.serialNumber).toBeTruthy();
    expect(d.csr.certificate?.issuer).toBeTruthy();
  });
});

describe('permissions', () => {
  it('lets the admin decide and tells the viewer why not', async () => {
    const signer = 'kubernetes.io/kubelet-serving';
    expect(mayDecide(await csrPermissions(admin(), [signer]), signer).allowed).toBe(true);
    const v = mayDecide(await csrPermissions(viewer(), [signer]), signer);
    expect(v.allowed).toBe(false);
    expect(v.reason).toMatch(/may not update certificatesigningrequests\/approval/);
  });

  it("shows the cluster's 403 as the cluster said it", async () => {
    const rv = (await getCsrWire(admin(), DEMO_CSRS.goodServing2)).metadata.resourceVersion;
    const err = await rejection(
      decideCsr(viewer(), { name: DEMO_CSRS.goodServing2, decision: 'approve', resourceVersion: rv }),
    );
    expect(err.code).toBe(403);
    expect(err.message).toMatch(/cannot update resource "certificatesigningrequests\/approval"/);
  });
});

describe('decideCsr', () => {
  it('approves a good serving CSR with an audit line, and refuses it a second time', async () => {
    const spy = vi.spyOn(log, 'info').mockImplementation(() => {});
    const rv = (await getCsrWire(admin(), DEMO_CSRS.goodServing)).metadata.resourceVersion;
    const r = await decideCsr(admin(), { name: DEMO_CSRS.goodServing, decision: 'approve', resourceVersion: rv });
    expect(r.decision).toBe('Approved');
    expect(r.message).toMatch(
      /^Approved by .+ via kubelet-dashboard \(context sim-admin\) after \d+\/\d+ checks passed$/,
    );
    expect(['Approved']).toContain(await stateOf(DEMO_CSRS.goodServing));
    const line = spy.mock.calls.at(-1)?.[0] as unknown as Record<string, unknown> & { checks: unknown[] };
    expect(line).toMatchObject({
      audit: 'csr-decision',
      csr: DEMO_CSRS.goodServing,
      decision: 'approve',
      outcome: 'written',
      context: 'sim-admin',
    });
    expect(line.checks.length).toBeGreaterThan(10);
    const again = await rejection(
      decideCsr(admin(), { name: DEMO_CSRS.goodServing, decision: 'approve', resourceVersion: r.resourceVersion }),
    );
    expect(again.code).toBe(409);
    expect(again.message).toMatch(/already Approved/);
    spy.mockRestore();
  });

  it('reports a CSR changed since review as a conflict and writes nothing', async () => {
    vi.spyOn(log, 'info').mockImplementation(() => {});
    const err = await rejection(
      decideCsr(admin(), { name: DEMO_CSRS.goodClientRenewal, decision: 'approve', resourceVersion: '1' }),
    );
    expect(err.code).toBe(409);
    expect(err.message).toMatch(/changed since you reviewed it/);
    expect(await stateOf(DEMO_CSRS.goodClientRenewal)).toBe('Pending');
  });

  it('refuses to approve a hostile CSR, even when asked directly', async () => {
    const rv = (await getCsrWire(admin(), DEMO_CSRS.hostileOtherNodeIp)).metadata.resourceVersion;
    const err = await rejection(
      decideCsr(admin(), { name: DEMO_CSRS.hostileOtherNodeIp, decision: 'approve', resourceVersion: rv }),
    );
    expect(err.code).toBe(422);
    expect(await stateOf(DEMO_CSRS.hostileOtherNodeIp)).toBe('Pending');
  });

  it('needs an explicit confirmation for another signer', async () => {
    const rv = (await getCsrWire(admin(), DEMO_CSRS.otherSigner)).metadata.resourceVersion;
    expect(
      (await rejection(decideCsr(admin(), { name: DEMO_CSRS.otherSigner, decision: 'approve', resourceVersion: rv })))
        .code,
    ).toBe(422);
  });

  it('denies with the reason recorded', async () => {
    const rv = (await getCsrWire(admin(), DEMO_CSRS.hostileOutsideDns)).metadata.resourceVersion;
    const r = await decideCsr(admin(), {
      name: DEMO_CSRS.hostileOutsideDns,
      decision: 'deny',
      resourceVersion: rv,
      note: 'asks for kubernetes.default.svc',
    });
    expect(r.decision).toBe('Denied');
    const w = await getCsrWire(admin(), DEMO_CSRS.hostileOutsideDns);
    expect(w.status?.conditions?.find((c) => c.type === 'Denied')).toMatchObject({
      reason: 'KubeletDashboardDeny',
      message: expect.stringContaining('asks for kubernetes.default.svc'),
    });
  });

  it('reports a deleted CSR as not found', async () => {
    expect(
      (await rejection(decideCsr(admin(), { name: 'csr-gone0', decision: 'approve', resourceVersion: '5' }))).code,
    ).toBe(404);
  });
});

describe('bulkApprove', () => {
  it('approves only what passes, reports every CSR, and keeps at most the given number in flight', async () => {
    vi.spyOn(log, 'info').mockImplementation(() => {});
    const list = await listReviewedCsrs(admin(), new Date());
    const items = list.items
      .filter((r) => r.state === 'Pending')
      .map((r) => ({ name: r.name, resourceVersion: r.resourceVersion }));
    const res = await bulkApprove(admin(), items, { concurrency: 3 });
    expect(res.results).toHaveLength(items.length);
    const outcome = (n: string) => res.results.find((r) => r.name === n)?.outcome;
    expect(outcome(DEMO_CSRS.goodBootstrapClient)).toBe('approved');
    expect(outcome(DEMO_CSRS.hostileOtherNodeIp)).toBe('refused');
    expect(outcome(DEMO_CSRS.otherSigner)).toBe('refused');
    expect(res.approved + res.refused + res.failed).toBe(items.length);
  });
});

describe('the nodes a review is checked against', () => {
  const nodeLists = () => sim.stats().requestsByKind['nodes.list'] ?? 0;

  it('come from the node watch for a review, and from a list at that moment for a decision', async () => {
    vi.spyOn(log, 'info').mockImplementation(() => {});
    await listReviewedCsrs(admin(), new Date()); // the identity's node watch is running from here on
    const before = nodeLists();
    const list = await listReviewedCsrs(admin(), new Date());
    const detail = await getReviewedCsr(admin(), DEMO_CSRS.hostileOtherNodeIp);
    expect(nodeLists()).toBe(before);
    // the same verdicts either way: a SAN of another node fails on the watched addresses as on listed ones
    expect(list.items.find((r) => r.name === DEMO_CSRS.hostileOtherNodeIp)?.allPassed).toBe(false);
    expect(detail.csr.checks.find((c) => c.id === 'sans-match-node')?.passed).toBe(false);
    // a decision re-checks against the nodes listed now (refused here: nothing is written)
    await rejection(decideCsr(admin(), { name: DEMO_CSRS.hostileOtherNodeIp, decision: 'approve' }));
    expect(nodeLists()).toBe(before + 1);
  });

  it('are listed when the identity may not watch nodes', async () => {
    const token = sim.userTokens['reviewer-without-node-watch'];
    if (!token) throw new Error('no token');
    const kube = userKube(token, { kubeconfigPath: sim.kubeconfigPath });
    const before = nodeLists();
    const list = await listReviewedCsrs(kube, new Date());
    expect(list.nodeCount).toBe(sim.fleet.nodes.length);
    expect(list.items.find((r) => r.name === DEMO_CSRS.goodServing)?.allPassed).toBe(true);
    expect(nodeLists()).toBeGreaterThan(before);
  });
});

describe('pendingCsrCount', () => {
  it('counts pending CSRs and nodes without decoding', async () => {
    const c = await pendingCsrCount(admin());
    expect(c.nodeCount).toBe(sim.fleet.nodes.length);
    expect(c.pending).toBeGreaterThanOrEqual(0);
    expect(c.context).toBe('sim-admin');
  });
});

describe('the override of a failing CSR', () => {
  it('approves only when the confirmed checks are exactly the ones failing on re-check, and says so', async () => {
    vi.spyOn(log, 'info').mockImplementation(() => {});
    const csr = (await getReviewedCsr(admin(), DEMO_CSRS.hostileClientUsage)).csr;
    const failing = csr.checks.filter((c) => !c.passed).map((c) => c.id);
    expect(failing).toContain('usages');
    const base = { name: csr.name, decision: 'approve' as const, resourceVersion: csr.resourceVersion };

    const partial = await rejection(decideCsr(admin(), { ...base, overrideFailingChecks: ['not-a-check'] }));
    expect(partial.code).toBe(422);
    expect(partial.message).toMatch(/not the ones you confirmed/);
    expect(await stateOf(csr.name)).toBe('Pending');

    const r = await decideCsr(admin(), { ...base, overrideFailingChecks: [...failing].reverse() });
    expect(r.decision).toBe('Approved');
    expect(r.message).toMatch(/override: approved despite failing .*usages/i);
    expect(await stateOf(csr.name)).toBe('Approved');
  });
});

describe('bulkDeny', () => {
  it('denies the failing CSRs with the reason and refuses one that passes every check', async () => {
    vi.spyOn(log, 'info').mockImplementation(() => {});
    const list = await listReviewedCsrs(admin(), new Date());
    const pending = list.items.filter((r) => r.state === 'Pending');
    const items = pending.map((r) => ({ name: r.name, resourceVersion: r.resourceVersion }));
    const res = await bulkDeny(admin(), items, 'hostile SANs from the e2e of issue 16', { concurrency: 3 });
    const outcome = (n: string) => res.results.find((r) => r.name === n);
    expect(outcome(DEMO_CSRS.hostileOtherNodeIp)?.outcome).toBe('denied');
    expect(outcome(DEMO_CSRS.hostileOtherNodeIp)?.message).toContain('hostile SANs from the e2e of issue 16');
    expect(await stateOf(DEMO_CSRS.hostileOtherNodeIp)).toBe('Denied');
    for (const passing of pending.filter((r) => r.allPassed)) {
      expect(outcome(passing.name)?.outcome).toBe('refused');
      expect(outcome(passing.name)?.message).toMatch(/now passes every check/);
    }
    expect(res.denied + res.refused + res.failed).toBe(items.length);
  });
});
