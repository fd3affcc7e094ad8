import { tryParseGoDuration } from '@/lib/domain/durations';
import { defaultFor } from '@/lib/domain/kubelet-fields';
import { effective } from './effective';
import { ambiguousOutcome, judged, unexpectedOutcome } from './outcome';
import { GENERATED_REASON, servingCert, servingCertValue } from './tls-files';
import type { CheckDefinition } from './types';

/**
 * CIS Kubernetes Benchmark v1.12.0, section 4.2 (Kubelet), as encoded by aquasecurity/kube-bench
 * cfg/cis-1.12/node.yaml (ids, titles, Automated/Manual, what the audit compares). The rule is applied to the
 * node's *effective* configuration (configz), where kube-bench reads the config file and the command line:
 * differences are noted per check and in the README's comparison table.
 * Levels: CIS profile levels as published in Tenable's CIS Kubernetes audit files (Level 1 Worker / Level 2);
 * the CIS PDF itself needs a CIS account. 4.2.14's level could not be confirmed from a public source.
 */

/** CIS 1.12 4.2.12's allow-list (kube-bench cfg/cis-1.12); 1.9–1.11 also allowed TLS_RSA_WITH_AES_{128,256}_GCM_*. */
const STRONG_CIPHERS: readonly string[] = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
];

const RESTART = 'then restart the kubelet (systemctl daemon-reload && systemctl restart kubelet)';

export const CIS_KUBELET_CHECKS: readonly CheckDefinition[] = [
  {
    id: '4.2.1',
    benchmark: 'cis',
    title: 'Ensure that the --anonymous-auth argument is set to false',
    level: 'L1',
    assessment: 'Automated',
    fields: ['authentication.anonymous.enabled'],
    flags: ['--anonymous-auth'],
    rule: 'authentication.anonymous.enabled is false',
    remediation: {
      config: 'authentication:\n  anonymous:\n    enabled: false',
      flag: '--anonymous-auth=false',
      note: RESTART,
    },
    related: ['STIG V-242391'],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'authentication.anonymous.enabled');
      if (e.ambiguous) return ambiguousOutcome(e);
      if (e.value === false) return judged('pass', e, 'requests without credentials are rejected with 401');
      if (e.value === true)
        return judged(
          'fail',
          e,
          'requests without credentials are served as system:anonymous; with authorization mode AlwaysAllow they may do anything the kubelet API offers',
        );
      return unexpectedOutcome(e, 'authentication.anonymous.enabled');
    },
  },
  {
    id: '4.2.2',
    benchmark: 'cis',
    title: 'Ensure that the --authorization-mode argument is not set to AlwaysAllow',
    level: 'L1',
    assessment: 'Automated',
    fields: ['authorization.mode'],
    flags: ['--authorization-mode'],
    rule: 'authorization.mode is not AlwaysAllow (Webhook)',
    remediation: {
      config: 'authorization:\n  mode: Webhook\nauthentication:\n  webhook:\n    enabled: true',
      flag: '--authorization-mode=Webhook --authentication-token-webhook=true',
      note: RESTART,
    },
    related: ['STIG V-242392'],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'authorization.mode');
      if (e.ambiguous) return ambiguousOutcome(e);
      if (e.value === 'AlwaysAllow')
        return judged('fail', e, 'every request that passes authentication is allowed: no SubjectAccessReview');
      if (e.value === 'Webhook')
        return judged('pass', e, 'each request is authorized by a SubjectAccessReview against the apiserver');
      return unexpectedOutcome(e, 'authorization.mode');
    },
  },
  {
    id: '4.2.3',
    benchmark: 'cis',
    title: 'Ensure that the --client-ca-file argument is set as appropriate',
    level: 'L1',
    assessment: 'Automated',
    fields: ['authentication.x509.clientCAFile'],
    flags: ['--client-ca-file'],
    rule: 'authentication.x509.clientCAFile is set',
    remediation: {
      config: 'authentication:\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt',
      flag: '--client-ca-file=<path/to/client-ca-file>',
      note: RESTART,
    },
    related: ['STIG V-242420'],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'authentication.x509.clientCAFile');
      if (typeof e.value !== 'string') return unexpectedOutcome(e, 'authentication.x509.clientCAFile');
      if (e.value === '')
        return judged(
          'fail',
          e,
          'not set: the kubelet accepts no client certificates, so it cannot authenticate the apiserver by its kubelet client certificate',
        );
      return judged(
        'pass',
        e,
        'client certificates are verified against this CA bundle (its content and permissions are not visible in configz)',
      );
    },
  },
  {
    id: '4.2.4',
    benchmark: 'cis',
    title: 'Verify that if defined, the --read-only-port argument is set to 0',
    level: 'L1',
    assessment: 'Manual',
    fields: ['readOnlyPort'],
    flags: ['--read-only-port'],
    rule: 'readOnlyPort is 0',
    remediation: { config: 'readOnlyPort: 0', flag: '--read-only-port=0', note: RESTART },
    related: ['STIG V-242387'],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'readOnlyPort');
      if (typeof e.value !== 'number') return unexpectedOutcome(e, 'readOnlyPort');
      if (e.value === 0) return judged('pass', e, 'the unauthenticated read-only port is off');
      return judged(
        'fail',
        e,
        `port ${e.value} serves /pods, /spec and /stats over plain HTTP with no authentication or authorization`,
      );
    },
  },
  {
    id: '4.2.5',
    benchmark: 'cis',
    title: 'Ensure that the --streaming-connection-idle-timeout argument is not set to 0',
    level: 'L1',
    assessment: 'Manual',
    fields: ['streamingConnectionIdleTimeout'],
    flags: ['--streaming-connection-idle-timeout'],
    rule: 'streamingConnectionIdleTimeout is not 0',
    remediation: {
      config: 'streamingConnectionIdleTimeout: 5m',
      flag: '--streaming-connection-idle-timeout=5m',
      note: RESTART,
    },
    related: ['STIG V-245541'],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'streamingConnectionIdleTimeout');
      const ns = tryParseGoDuration(e.value);
      if (ns === undefined) return unexpectedOutcome(e, 'streamingConnectionIdleTimeout');
      if (ns === 0n)
        return judged('fail', e, '0 disables the timeout: idle exec, attach and port-forward streams are never closed');
      if (ns < 0n) return unexpectedOutcome(e, 'streamingConnectionIdleTimeout');
      return judged('pass', e, 'idle exec, attach and port-forward streams are closed after this long');
    },
  },
  {
    id: '4.2.6',
    benchmark: 'cis',
    title: 'Ensure that the --make-iptables-util-chains argument is set to true',
    level: 'L1',
    assessment: 'Automated',
    fields: ['makeIPTablesUtilChains'],
    flags: ['--make-iptables-util-chains'],
    rule: 'makeIPTablesUtilChains is true',
    remediation: {
      config: 'makeIPTablesUtilChains: true',
      flag: '--make-iptables-util-chains=true (or remove --make-iptables-util-chains=false)',
      note: RESTART,
    },
    related: [],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'makeIPTablesUtilChains');
      if (e.value === true) return judged('pass', e, 'the kubelet manages its iptables utility chains');
      if (e.value === false)
        return judged('fail', e, 'the kubelet leaves iptables to others; its chains may drift from what pods need');
      return unexpectedOutcome(e, 'makeIPTablesUtilChains');
    },
  },
  {
    id: '4.2.7',
    benchmark: 'cis',
    title: 'Ensure that the --hostname-override argument is not set',
    level: 'L1',
    assessment: 'Manual',
    fields: [],
    flags: ['--hostname-override'],
    rule: '--hostname-override is not on the kubelet command line',
    remediation: {
      config: '',
      flag: 'remove --hostname-override from the kubelet unit, its drop-ins and env files',
      note: RESTART,
    },
    related: ['STIG V-242404'],
    decidable: false,
    evaluate: () => ({
      status: 'unknown',
      value: 'not in configz',
      source: 'not-in-configz',
      reason:
        '--hostname-override is a command-line flag with no KubeletConfiguration field, so configz cannot show it; the kubelet command line tells (ps -ef on the node, or its unit and drop-ins pasted into Explain)',
    }),
  },
  {
    id: '4.2.8',
    benchmark: 'cis',
    title: 'Ensure that the eventRecordQPS argument is set to a level which ensures appropriate event capture',
    level: 'L2',
    assessment: 'Manual',
    fields: ['eventRecordQPS'],
    flags: ['--event-qps'],
    rule: 'eventRecordQPS is 0 (unlimited) or a positive rate (kube-bench: ≥ 0)',
    remediation: {
      config: 'eventRecordQPS: 50',
      flag: '--event-qps=50',
      note: `choose a rate your apiserver can take; ${RESTART}`,
    },
    related: [],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'eventRecordQPS');
      if (typeof e.value !== 'number' || e.value < 0) return unexpectedOutcome(e, 'eventRecordQPS');
      const dflt = defaultFor('eventRecordQPS', ctx.minor).value;
      const isDefault = e.value === dflt ? ` (the v1.${ctx.minor} default)` : '';
      if (e.value === 0)
        return judged(
          'pass',
          e,
          'no limit: every event is recorded; the benchmark warns that unlimited events can load the apiserver',
        );
      return judged(
        'pass',
        e,
        `event creation is limited to ${e.value} per second${isDefault}; whether that is enough is a judgement the benchmark leaves to you`,
      );
    },
  },
  {
    id: '4.2.9',
    benchmark: 'cis',
    title: 'Ensure that the --tls-cert-file and --tls-private-key-file arguments are set as appropriate',
    level: 'L1',
    assessment: 'Manual',
    fields: ['tlsCertFile', 'tlsPrivateKeyFile', 'serverTLSBootstrap'],
    flags: ['--tls-cert-file', '--tls-private-key-file'],
    rule: 'a configured serving certificate (tlsCertFile + tlsPrivateKeyFile), or one issued by the cluster CA (serverTLSBootstrap)',
    remediation: {
      config:
        'tlsCertFile: <path/to/serving.crt>\ntlsPrivateKeyFile: <path/to/serving.key>\n# or have the cluster CA issue it:\nserverTLSBootstrap: true',
      flag: '--tls-cert-file=<path/to/serving.crt> --tls-private-key-file=<path/to/serving.key>',
      note: `serverTLSBootstrap needs the kubelet-serving CSRs approved (the CSRs page); ${RESTART}`,
    },
    related: ['STIG V-242424', 'STIG V-242425'],
    decidable: true,
    evaluate(ctx) {
      const s = servingCert(ctx);
      const value = servingCertValue(s);
      const source = s.notes.length === 3 ? 'zero' : 'configz';
      if (s.generated)
        return { status: 'fail', value, source, reason: `no serving certificate configured: ${GENERATED_REASON}` };
      if (s.certFile && s.keyFile)
        return { status: 'pass', value, source, reason: 'the kubelet serves with the configured certificate and key' };
      if (s.certFile || s.keyFile)
        return { status: 'fail', value, source, reason: 'only one of tlsCertFile and tlsPrivateKeyFile is set' };
      if (s.bootstrap)
        return {
          status: 'pass',
          value,
          source,
          reason:
            'the serving certificate is requested from the cluster CA by a kubelet-serving CSR (serverTLSBootstrap)',
        };
      return {
        status: 'fail',
        value,
        source,
        reason: 'no serving certificate configured and serverTLSBootstrap is off',
      };
    },
  },
  {
    id: '4.2.10',
    benchmark: 'cis',
    title: 'Ensure that the --rotate-certificates argument is not set to false',
    level: 'L1',
    assessment: 'Automated',
    fields: ['rotateCertificates'],
    flags: ['--rotate-certificates'],
    rule: 'rotateCertificates is true',
    remediation: { config: 'rotateCertificates: true', flag: '--rotate-certificates=true', note: RESTART },
    related: [],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'rotateCertificates');
      if (e.value === true)
        return judged('pass', e, 'the kubelet renews its client certificate through CSRs before it expires');
      if (e.value === false)
        return judged(
          'fail',
          e,
          'the client certificate is never renewed: the kubelet stops reaching the apiserver when it expires (kube-bench passes an unset field, but false is the effective value)',
        );
      return unexpectedOutcome(e, 'rotateCertificates');
    },
  },
  {
    id: '4.2.11',
    benchmark: 'cis',
    title: 'Verify that the RotateKubeletServerCertificate argument is set to true',
    level: 'L1',
    assessment: 'Manual',
    fields: ['featureGates.RotateKubeletServerCertificate', 'serverTLSBootstrap'],
    flags: ['--feature-gates=RotateKubeletServerCertificate=true'],
    rule: 'the RotateKubeletServerCertificate feature gate is on',
    remediation: {
      config: 'featureGates:\n  RotateKubeletServerCertificate: true\nserverTLSBootstrap: true',
      flag: '--feature-gates=RotateKubeletServerCertificate=true',
      note: `the gate rotates the serving certificate only with serverTLSBootstrap on; ${RESTART}`,
    },
    related: [],
    decidable: true,
    evaluate(ctx) {
      const gates = effective(ctx, 'featureGates');
      const boot = effective(ctx, 'serverTLSBootstrap');
      const explicit = (gates.value as Record<string, unknown> | undefined)?.RotateKubeletServerCertificate;
      // Beta and on by default since v1.12, alpha and off before (pkg/features/kube_features.go).
      const on = typeof explicit === 'boolean' ? explicit : ctx.minor >= 12;
      const from = typeof explicit === 'boolean' ? 'set in featureGates' : `the v1.${ctx.minor} default`;
      const value = `${on} (${from}); serverTLSBootstrap=${boot.value === true}`;
      const source = typeof explicit === 'boolean' ? 'configz' : 'default';
      if (!on) return { status: 'fail', value, source, reason: 'the kubelet never rotates its serving certificate' };
      return {
        status: 'pass',
        value,
        source,
        reason:
          boot.value === true
            ? 'the serving certificate is renewed through kubelet-serving CSRs'
            : 'the gate is on, but it only acts with serverTLSBootstrap: true, which is off here (see 4.2.9)',
      };
    },
  },
  {
    id: '4.2.12',
    benchmark: 'cis',
    title: 'Ensure that the Kubelet only makes use of Strong Cryptographic Ciphers',
    level: 'L1',
    assessment: 'Manual',
    fields: ['tlsCipherSuites'],
    flags: ['--tls-cipher-suites'],
    rule: `tlsCipherSuites is set and holds only: ${STRONG_CIPHERS.join(', ')}`,
    remediation: {
      config: `tlsCipherSuites:\n${STRONG_CIPHERS.map((c) => `  - ${c}`).join('\n')}`,
      flag: `--tls-cipher-suites=${STRONG_CIPHERS.join(',')}`,
      note: `or a subset of these; ${RESTART}`,
    },
    related: [],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'tlsCipherSuites');
      if (!Array.isArray(e.value) || e.value.some((c) => typeof c !== 'string'))
        return unexpectedOutcome(e, 'tlsCipherSuites');
      const suites = e.value as string[];
      if (suites.length === 0)
        return judged(
          'fail',
          e,
          "not set: the kubelet offers Go's default cipher suites; the benchmark asks for an explicit allow-list",
        );
      const weak = suites.filter((c) => !STRONG_CIPHERS.includes(c));
      if (weak.length > 0)
        return judged('fail', e, `not on CIS 1.12's list: ${weak.join(', ')}`, `${suites.length} suites`);
      return judged('pass', e, `only suites on CIS 1.12's list`, `${suites.length} suites`);
    },
  },
  {
    id: '4.2.13',
    benchmark: 'cis',
    title: 'Ensure that a limit is set on pod PIDs',
    level: 'L1',
    assessment: 'Manual',
    fields: ['podPidsLimit'],
    flags: ['--pod-max-pids'],
    rule: 'podPidsLimit is a positive number',
    remediation: {
      config: 'podPidsLimit: 4096',
      flag: '--pod-max-pids=4096',
      note: `size it for your largest pod; ${RESTART}`,
    },
    related: [],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'podPidsLimit');
      if (typeof e.value !== 'number') return unexpectedOutcome(e, 'podPidsLimit');
      if (e.value > 0) return judged('pass', e, `each pod may run at most ${e.value} processes`);
      return judged(
        'fail',
        e,
        `${e.value} means no per-pod limit: one pod can exhaust the node's PIDs (kube-bench only checks that the field is present)`,
      );
    },
  },
  {
    id: '4.2.14',
    benchmark: 'cis',
    title: 'Ensure that the --seccomp-default parameter is set to true',
    level: null,
    assessment: 'Manual',
    fields: ['seccompDefault'],
    flags: ['--seccomp-default'],
    rule: 'seccompDefault is true',
    remediation: { config: 'seccompDefault: true', flag: '--seccomp-default=true', note: RESTART },
    related: [],
    decidable: true,
    evaluate(ctx) {
      if (!defaultFor('seccompDefault', ctx.minor).exists)
        return {
          status: 'fail',
          value: 'not available',
          source: 'default',
          reason: `a v1.${ctx.minor} kubelet has no seccompDefault (added in v1.22); upgrading is the fix`,
        };
      const e = effective(ctx, 'seccompDefault');
      if (e.value === true)
        return judged('pass', e, 'containers without a seccomp profile run with the runtime default profile');
      if (e.value === false) return judged('fail', e, 'containers without a seccomp profile run Unconfined');
      return unexpectedOutcome(e, 'seccompDefault');
    },
  },
];
