import { describe, expect, it } from 'vitest';
import aksPartial from '../fixtures/compare/aks-partial.configz.json';
import kubeadm128 from '../fixtures/compare/kubeadm-v1.28.configz.json';
import v116 from '../fixtures/configz-v1.16-kubeadm.json';
import v127 from '../fixtures/configz-v1.27-kubeadm-systemd.json';
import v129LocalUp from '../fixtures/configz-v1.29-local-up-cluster.json';
import v131 from '../fixtures/configz-v1.31-cri-dockerd.json';
import { CHECKS } from './catalog';
import { evaluateNode } from './evaluate';
import type { CheckOutcome, CheckStatus } from './types';

/**
 * Every check on real configz captures (sources in lib/domain/fixtures/README.md), one expected status per
 * check per capture: a changed rule shows up here as a changed cell.
 */
type Expect = Record<string, CheckStatus>;

const HOST_CHECKS = Object.fromEntries(
  ['4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.1.5', '4.1.6', '4.1.7', '4.1.8', '4.1.9', '4.1.10'].map((id) => [
    id,
    'unknown' as const,
  ]),
);

const outcomes = (config: unknown, kubeletVersion?: string, roles: string[] = []) => {
  const posture = evaluateNode({
    config: (config as { kubeletconfig: Record<string, unknown> }).kubeletconfig,
    kubeletVersion,
    roles,
  });
  return Object.fromEntries(posture.results.map((r) => [r.check.id, r.outcome])) as Record<string, CheckOutcome>;
};
const statuses = (o: Record<string, CheckOutcome>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.status]));

describe('kubelet posture on real configz captures', () => {
  it('v1.16 kubeadm worker: hardened auth, self-signed serving cert, no PID limit, no seccompDefault field', () => {
    const o = outcomes(v116, 'v1.16.0');
    expect(statuses(o)).toEqual({
      '4.2.1': 'pass',
      '4.2.2': 'pass',
      '4.2.3': 'pass',
      '4.2.4': 'pass',
      '4.2.5': 'pass',
      '4.2.6': 'pass',
      '4.2.7': 'unknown',
      '4.2.8': 'pass',
      '4.2.9': 'fail',
      '4.2.10': 'pass',
      '4.2.11': 'pass',
      '4.2.12': 'fail',
      '4.2.13': 'fail',
      '4.2.14': 'fail',
      'V-242434': 'fail',
      'V-242397': 'fail',
      'V-245541': 'pass',
      'V-242399': 'fail',
      'V-242425': 'fail',
      'V-242424': 'fail',
      ...HOST_CHECKS,
    } satisfies Expect);
    // pre-1.27 default event rate, read from configz
    expect(o['4.2.8']).toMatchObject({ value: '5', source: 'configz' });
    expect(o['4.2.8']?.reason).toMatch(/v1\.16 default/);
    expect(o['4.2.8']?.note).toBeUndefined();
    expect(o['4.2.14']?.reason).toMatch(/no seccompDefault \(added in v1\.22\)/);
    expect(o['4.2.11']?.value).toBe('true (the v1.16 default); serverTLSBootstrap=false');
  });

  it('reads an absent readOnlyPort as 0 and an absent protectKernelDefaults as false (configz omits zero values)', () => {
    const o = outcomes(v127, 'v1.27.16');
    expect(o['4.2.4']).toMatchObject({ status: 'pass', value: '0', source: 'zero' });
    expect(o['4.2.4']?.note).toMatch(/omitempty/);
    expect(o['V-242434']).toMatchObject({ status: 'fail', value: 'false', source: 'zero' });
  });

  it('v1.27 and v1.28 kubeadm: the 1.27 event rate default, seccompDefault false, the generated serving-cert pair', () => {
    for (const [config, version] of [
      [v127, 'v1.27.16'],
      [kubeadm128, 'v1.28.15'],
    ] as const) {
      const o = outcomes(config, version);
      expect(o['4.2.8']).toMatchObject({ status: 'pass', value: '50' });
      expect(o['4.2.14']).toMatchObject({ status: 'fail', value: 'false', source: 'configz' });
      expect(o['4.2.9']?.status).toBe('fail');
      expect(o['4.2.9']?.reason).toMatch(/self-signed/);
      expect(o['4.2.9']?.value).toContain('tlsCertFile=/var/lib/kubelet/pki/kubelet.crt');
      expect(o['V-242399']).toMatchObject({ status: 'n/a' });
      expect(o['4.2.13']).toMatchObject({ status: 'fail', value: '-1' });
    }
  });

  it('v1.31 (trivy node-collector capture) agrees with the kubeadm layout', () => {
    const o = outcomes(v131, 'v1.31.4');
    expect(statuses(o)).toMatchObject({
      '4.2.1': 'pass',
      '4.2.2': 'pass',
      '4.2.4': 'pass',
      '4.2.10': 'pass',
      '4.2.12': 'fail',
      'V-242397': 'fail',
    });
  });

  it('v1.29 local-up-cluster (Kubernetes docs capture): read-only port, anonymous auth and AlwaysAllow all fail', () => {
    const o = outcomes(v129LocalUp, 'v1.29.0');
    expect(o['4.2.1']).toMatchObject({ status: 'fail', value: 'true', source: 'configz' });
    expect(o['4.2.2']).toMatchObject({ status: 'fail', value: 'AlwaysAllow' });
    expect(o['4.2.4']).toMatchObject({ status: 'fail', value: '10255' });
    expect(o['4.2.4']?.reason).toMatch(/no authentication or authorization/);
    expect(o['4.2.3']).toMatchObject({ status: 'pass', value: '/var/run/kubernetes/client-ca.crt' });
    // featureGates present (AllAlpha: false) but without the gate: its default applies
    expect(o['4.2.11']).toMatchObject({ status: 'pass', source: 'default' });
    expect(o['4.1.7']).toMatchObject({ status: 'unknown', value: '/var/run/kubernetes/client-ca.crt' });
  });

  it('a trimmed capture (AKS, fields removed by its author): absent auth fields are unknown, not assumed', () => {
    const o = outcomes(aksPartial, 'v1.30.6');
    // the config-file default (false / Webhook) and the flag default (true / AlwaysAllow) differ
    expect(o['4.2.1']).toMatchObject({ status: 'unknown', source: 'default' });
    expect(o['4.2.1']?.reason).toMatch(/false with a config file, true from flags alone/);
    expect(o['4.2.2']?.status).toBe('unknown');
    // pointer and struct fields a live kubelet always reports: the version default, said so
    expect(o['4.2.5']).toMatchObject({ status: 'pass', value: '4h0m0s', source: 'default' });
    expect(o['4.2.5']?.note).toMatch(/v1\.30 default/);
    expect(o['4.2.6']).toMatchObject({ status: 'pass', source: 'default' });
    expect(o['4.2.13']).toMatchObject({ status: 'fail', value: '-1', source: 'configz' });
  });

  it('takes the defaults of the minor configz implies when the Node version is unknown', () => {
    const posture = evaluateNode({ config: v127.kubeletconfig });
    expect(posture).toMatchObject({ minor: 27, minorSource: 'config' });
  });
});

describe('each check on edited captures', () => {
  const base = v127.kubeletconfig as Record<string, unknown>;
  const check = (id: string, patch: Record<string, unknown>, version = 'v1.33.2', roles: string[] = []) =>
    outcomes({ kubeletconfig: { ...base, ...patch } }, version, roles)[id];

  it('4.2.5 fails a 0s idle timeout; V-245541 also fails anything under 5m', () => {
    expect(check('4.2.5', { streamingConnectionIdleTimeout: '0s' })?.status).toBe('fail');
    expect(check('V-245541', { streamingConnectionIdleTimeout: '0s' })?.status).toBe('fail');
    expect(check('4.2.5', { streamingConnectionIdleTimeout: '1m0s' })?.status).toBe('pass');
    expect(check('V-245541', { streamingConnectionIdleTimeout: '1m0s' })?.status).toBe('fail');
    expect(check('V-245541', { streamingConnectionIdleTimeout: '5m0s' })?.status).toBe('pass');
    expect(check('4.2.5', { streamingConnectionIdleTimeout: 'soon' })?.status).toBe('unknown');
  });

  it('4.2.6 fails makeIPTablesUtilChains false', () => {
    expect(check('4.2.6', { makeIPTablesUtilChains: false })).toMatchObject({ status: 'fail', value: 'false' });
  });

  it('4.2.8 passes 0 (unlimited) and flags a negative rate as unknown', () => {
    expect(check('4.2.8', { eventRecordQPS: 0 })?.reason).toMatch(/no limit/);
    expect(check('4.2.8', { eventRecordQPS: -3 })?.status).toBe('unknown');
  });

  it('4.2.9 passes a configured certificate and serverTLSBootstrap; the STIG rules accept only the files', () => {
    const files = {
      tlsCertFile: '/etc/kubernetes/ssl/kubelet.pem',
      tlsPrivateKeyFile: '/etc/kubernetes/ssl/kubelet-key.pem',
    };
    expect(check('4.2.9', files)?.status).toBe('pass');
    expect(check('V-242425', files)?.status).toBe('pass');
    const bootstrap = { tlsCertFile: undefined, tlsPrivateKeyFile: undefined, serverTLSBootstrap: true };
    expect(check('4.2.9', bootstrap)?.status).toBe('pass');
    expect(check('V-242424', bootstrap)).toMatchObject({ status: 'fail' });
    expect(check('V-242424', bootstrap)?.reason).toMatch(/serverTLSBootstrap/);
    expect(check('4.2.9', { tlsPrivateKeyFile: undefined, tlsCertFile: '/etc/ssl/kubelet.pem' })?.reason).toMatch(
      /only one/,
    );
  });

  it('4.2.10 fails when rotateCertificates is absent (false) although kube-bench passes an unset field', () => {
    expect(check('4.2.10', { rotateCertificates: undefined })).toMatchObject({ status: 'fail', source: 'zero' });
  });

  it('4.2.11 follows an explicit gate, and says when serverTLSBootstrap is off', () => {
    expect(check('4.2.11', { featureGates: { RotateKubeletServerCertificate: false } })?.status).toBe('fail');
    const on = check('4.2.11', { featureGates: { RotateKubeletServerCertificate: true }, serverTLSBootstrap: true });
    expect(on).toMatchObject({ status: 'pass', source: 'configz' });
    expect(check('4.2.11', {})?.reason).toMatch(/only acts with serverTLSBootstrap/);
  });

  it('4.2.12 passes CIS 1.12 suites only and names the others', () => {
    expect(check('4.2.12', { tlsCipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'] })?.status).toBe('pass');
    const weak = check('4.2.12', {
      tlsCipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_GCM_SHA384'],
    });
    expect(weak).toMatchObject({ status: 'fail', value: '2 suites' });
    expect(weak?.reason).toContain('TLS_RSA_WITH_AES_256_GCM_SHA384');
  });

  it('4.2.13 passes a positive podPidsLimit', () => {
    expect(check('4.2.13', { podPidsLimit: 4096 })).toMatchObject({ status: 'pass', value: '4096' });
  });

  it('4.2.14 passes seccompDefault true', () => {
    expect(check('4.2.14', { seccompDefault: true })?.status).toBe('pass');
  });

  it('V-242397 is n/a on a control-plane node and passes a worker without staticPodPath', () => {
    expect(check('V-242397', {}, 'v1.33.2', ['control-plane'])?.status).toBe('n/a');
    expect(check('V-242397', { staticPodPath: undefined })).toMatchObject({ status: 'pass', value: 'not set' });
  });

  it('V-242399 passes an explicit DynamicKubeletConfig: false on an old kubelet', () => {
    expect(check('V-242399', { featureGates: { DynamicKubeletConfig: false } }, 'v1.21.14')?.status).toBe('pass');
  });

  it('V-242434 passes protectKernelDefaults true', () => {
    expect(check('V-242434', { protectKernelDefaults: true })).toMatchObject({ status: 'pass', source: 'configz' });
  });

  it('never guesses at a value of the wrong type', () => {
    expect(check('4.2.1', { authentication: { anonymous: { enabled: 'no' } } })?.status).toBe('unknown');
    expect(check('4.2.4', { readOnlyPort: '10255' })?.status).toBe('unknown');
    expect(check('4.2.2', { authorization: { mode: 'Node' } })?.reason).toMatch(/unexpected value/);
  });
});

describe('the catalog', () => {
  it('has unique ids, and a config field or flag to fix every decidable check', () => {
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
    for (const c of CHECKS.filter((x) => x.decidable)) {
      expect(c.fields.length, c.id).toBeGreaterThan(0);
      expect(c.remediation.config || c.remediation.flag, c.id).not.toBe('');
    }
  });
  it('covers CIS 1.12 sections 4.1 and 4.2 as kube-bench lists them (4.1.1–4.1.10, 4.2.1–4.2.14)', () => {
    const cis = CHECKS.filter((c) => c.benchmark === 'cis').map((c) => c.id);
    expect(cis).toEqual(expect.arrayContaining([...Array.from({ length: 14 }, (_, i) => `4.2.${i + 1}`)]));
    expect(cis.filter((id) => id.startsWith('4.1.'))).toHaveLength(10);
  });
});
