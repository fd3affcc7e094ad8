import { beforeAll, describe, expect, it } from 'vitest';
import { createFleet } from '@/sim/fleet/create-fleet';
import { DEMO_CSRS, DEMO_NODES } from '@/sim/fleet/demo-layout';
import type { KubeObject } from '@/sim/fleet/types';
import { reviewCsr } from './csr-checks';
import {
  DEFAULT_CLUSTER_DOMAIN,
  DEFAULT_MAX_EXPIRATION_SECONDS,
  type ClusterFacts,
  type CsrVerdict,
} from './csr-check-core';
import { decodeCsrRequest } from './csr-decode';

/**
 * The checks against the simulator's demo cast (sim/fleet builds real PKCS#10 requests with its own code, so
 * this is not the checks grading their own fixtures): good ones pass, each hostile kind fails the right check.
 */
interface WireCsr {
  spec: {
    signerName: string;
    request: string;
    username?: string;
    groups?: string[];
    usages?: string[];
    expirationSeconds?: number;
  };
}

const verdicts = new Map<string, CsrVerdict>();

beforeAll(async () => {
  const fleet = await createFleet({ scenario: 'demo', now: new Date('2026-11-23T12:00:00Z') });
  const facts: ClusterFacts = {
    nodes: fleet.nodes.map((n) => ({
      name: n.name,
      addresses: (n.object.status as { addresses?: { type: string; address: string }[] }).addresses ?? [],
    })),
    clusterDomain: DEFAULT_CLUSTER_DOMAIN,
    apiServerHosts: ['127.0.0.1'],
    maxExpirationSeconds: DEFAULT_MAX_EXPIRATION_SECONDS,
  };
  for (const obj of fleet.csrs as (KubeObject & WireCsr)[]) {
    const s = obj.spec;
    verdicts.set(
      obj.metadata.name,
      reviewCsr(
        {
          signerName: s.signerName,
          username: s.username ?? '',
          groups: s.groups ?? [],
          usages: s.usages ?? [],
          expirationSeconds: s.expirationSeconds ?? null,
          decoded: await decodeCsrRequest(s.request),
        },
        facts,
      ),
    );
  }
});

const failing = (name: string) => {
  const v = verdicts.get(name);
  if (!v) throw new Error(`the demo has no CSR ${name}`);
  return v.checks.filter((c) => !c.passed).map((c) => c.id);
};

describe('checks on the demo CSRs from sim/fleet', () => {
  it.each([DEMO_CSRS.goodServing, DEMO_CSRS.goodServing2, DEMO_CSRS.goodBootstrapClient, DEMO_CSRS.goodClientRenewal])(
    'passes %s',
    (name) => {
      expect(failing(name)).toEqual([]);
    },
  );

  it("fails the serving CSR carrying another node's IP, naming that node", () => {
    expect(failing(DEMO_CSRS.hostileOtherNodeIp)).toEqual(['sans-match-node']);
    const reason = verdicts.get(DEMO_CSRS.hostileOtherNodeIp)?.checks.find((c) => c.id === 'sans-match-node')?.reason;
    expect(reason).toContain(`belongs to node ${DEMO_NODES.kubeadmClean[0]}`);
  });

  it('fails the outside and in-cluster DNS names', () => {
    expect(failing(DEMO_CSRS.hostileOutsideDns)).toEqual(
      expect.arrayContaining(['sans-match-node', 'no-in-cluster-names']),
    );
  });

  it('fails the CN that is not the requester', () => {
    expect(failing(DEMO_CSRS.hostileCnMismatch)).toContain('cn-matches-requester');
  });

  it('fails client auth on the serving signer', () => {
    expect(failing(DEMO_CSRS.hostileClientUsage)).toContain('usages');
  });

  it('fails the request that is not PKCS#10', () => {
    expect(failing(DEMO_CSRS.hostileInvalidRequest)).toContain('request-decodes');
  });

  it('asks for confirmation on another signer and keeps it out of bulk', () => {
    expect(verdicts.get(DEMO_CSRS.otherSigner)).toMatchObject({
      family: 'other',
      needsExtraConfirmation: true,
      bulkEligible: false,
    });
  });
});
