import { tryParseGoDuration } from '@/lib/domain/durations';
import { effective } from './effective';
import { judged, unexpectedOutcome } from './outcome';
import { GENERATED_REASON, servingCert, servingCertValue } from './tls-files';
import type { CheckContext, CheckDefinition, CheckOutcome } from './types';

/**
 * DISA Kubernetes STIG (Version 2) kubelet rules that add to CIS 1.12 section 4.2, as written in the rules'
 * check text (encoded by mitre/k8s-node-stig-baseline controls/SV-*.rb; rule revisions e.g. SV-242434r961131,
 * SV-242397r1137638, SV-245541r1069469). Rules that restate a CIS check (V-242387 read-only port, V-242391
 * anonymous auth, V-242392 authorization mode, V-242420 client CA, V-242404 hostname override) are listed as
 * related on the CIS check instead of twice.
 *
 * The STIG also counts a setting passed as a command-line flag instead of the config file as a finding;
 * configz shows the value the kubelet runs with, not where it came from (the Explain page attributes each field
 * when given the kubelet's command line), so that part is not judged here.
 */
const STIG_NOTE = 'The STIG wants it in the kubelet config file (a flag for it is itself a finding)';
const RESTART = 'systemctl daemon-reload && systemctl restart kubelet';

const CONTROL_PLANE_ROLES = new Set(['control-plane', 'master']);
const isControlPlane = (ctx: CheckContext) => ctx.roles.some((r) => CONTROL_PLANE_ROLES.has(r));

const FIVE_MINUTES_NS = 300_000_000_000n;

function tlsFileRule(ctx: CheckContext, field: 'tlsCertFile' | 'tlsPrivateKeyFile'): CheckOutcome {
  const s = servingCert(ctx);
  const value = servingCertValue(s);
  const path = field === 'tlsCertFile' ? s.certFile : s.keyFile;
  if (s.generated)
    return { status: 'fail', value, source: 'configz', reason: `${field} is not configured: ${GENERATED_REASON}` };
  if (path) return { status: 'pass', value, source: 'configz', reason: `${field} is set` };
  return {
    status: 'fail',
    value,
    source: 'zero',
    reason: s.bootstrap
      ? `${field} is not set: the serving certificate comes from a kubelet-serving CSR (serverTLSBootstrap), which this rule's check text does not accept`
      : `${field} is not set`,
  };
}

export const STIG_KUBELET_CHECKS: readonly CheckDefinition[] = [
  {
    id: 'V-242434',
    benchmark: 'stig',
    title: 'Kubernetes Kubelet must enable kernel protection',
    level: 'CAT I',
    assessment: 'Automated',
    fields: ['protectKernelDefaults'],
    flags: ['--protect-kernel-defaults'],
    rule: 'protectKernelDefaults is true (also CIS ≤ 1.24 4.2.6)',
    remediation: {
      config: 'protectKernelDefaults: true',
      flag: '--protect-kernel-defaults=true',
      note: `set the kernel tunables the kubelet expects first (sysctl; the kubelet refuses to start when they differ), then ${RESTART}`,
    },
    related: ['CIS 1.24 4.2.6'],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'protectKernelDefaults');
      if (e.value === true)
        return judged('pass', e, 'the kubelet fails instead of changing kernel tunables that differ from its defaults');
      if (e.value === false) return judged('fail', e, 'the kubelet rewrites kernel tunables it disagrees with');
      return unexpectedOutcome(e, 'protectKernelDefaults');
    },
  },
  {
    id: 'V-242397',
    benchmark: 'stig',
    title: 'The Kubernetes kubelet staticPodPath must not enable static pods',
    level: 'CAT I',
    assessment: 'Automated',
    fields: ['staticPodPath'],
    flags: ['--pod-manifest-path'],
    rule: 'staticPodPath is not set on worker nodes',
    remediation: {
      config: '# remove staticPodPath from the kubelet config file',
      flag: 'remove --pod-manifest-path',
      note: `kubeadm writes staticPodPath into the shared kubelet-config ConfigMap: remove it there for workers (or patch the nodes' config), then ${RESTART}`,
    },
    related: [],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'staticPodPath');
      if (typeof e.value !== 'string') return unexpectedOutcome(e, 'staticPodPath');
      if (isControlPlane(ctx))
        return judged(
          'n/a',
          e,
          'the rule covers worker nodes; this node has a control-plane role and kubeadm runs the control plane as static pods',
        );
      if (e.value === '') return judged('pass', e, 'the kubelet runs no pods from local manifest files');
      return judged(
        'fail',
        e,
        'a manifest written to this directory runs as a static pod, outside admission control and the apiserver',
      );
    },
  },
  {
    id: 'V-245541',
    benchmark: 'stig',
    title: 'Kubernetes Kubelet must not disable timeouts',
    level: 'CAT II',
    assessment: 'Automated',
    fields: ['streamingConnectionIdleTimeout'],
    flags: ['--streaming-connection-idle-timeout'],
    rule: 'streamingConnectionIdleTimeout is at least 5m (the check text: "less than 5m … is a finding")',
    remediation: { config: 'streamingConnectionIdleTimeout: 5m', flag: '', note: `${STIG_NOTE}; ${RESTART}` },
    related: ['CIS 4.2.5'],
    decidable: true,
    evaluate(ctx) {
      const e = effective(ctx, 'streamingConnectionIdleTimeout');
      const ns = tryParseGoDuration(e.value);
      if (ns === undefined || ns < 0n) return unexpectedOutcome(e, 'streamingConnectionIdleTimeout');
      if (ns === 0n) return judged('fail', e, '0 disables the timeout');
      if (ns < FIVE_MINUTES_NS) return judged('fail', e, 'shorter than the 5m the rule sets as its minimum');
      return judged('pass', e, 'at least 5m');
    },
  },
  {
    id: 'V-242399',
    benchmark: 'stig',
    title: 'Kubernetes DynamicKubeletConfig must not be enabled',
    level: 'CAT II',
    assessment: 'Automated',
    fields: ['featureGates.DynamicKubeletConfig'],
    flags: ['--feature-gates=DynamicKubeletConfig=false'],
    rule: 'featureGates has DynamicKubeletConfig: false (kubelets ≤ v1.25)',
    remediation: {
      config: 'featureGates:\n  DynamicKubeletConfig: false',
      flag: '',
      note: `${STIG_NOTE}; ${RESTART}`,
    },
    related: [],
    decidable: true,
    evaluate(ctx) {
      const gates = effective(ctx, 'featureGates');
      const gate = (gates.value as Record<string, unknown> | undefined)?.DynamicKubeletConfig;
      const value = gate === undefined ? 'not set' : String(gate);
      if (ctx.minor > 25)
        return {
          status: 'n/a',
          value,
          source: gate === undefined ? 'zero' : 'configz',
          reason: `the rule applies to Kubernetes 1.25 and older; dynamic kubelet config was removed from the kubelet in v1.24 and this one is v1.${ctx.minor}`,
        };
      if (gate === false)
        return { status: 'pass', value, source: 'configz', reason: 'DynamicKubeletConfig is explicitly off' };
      return {
        status: 'fail',
        value,
        source: gate === undefined ? 'zero' : 'configz',
        reason: 'the rule asks for DynamicKubeletConfig: false in featureGates',
      };
    },
  },
  {
    id: 'V-242425',
    benchmark: 'stig',
    title: 'Kubernetes Kubelet must enable tlsCertFile for client authentication to secure service',
    level: 'CAT II',
    assessment: 'Automated',
    fields: ['tlsCertFile', 'serverTLSBootstrap'],
    flags: ['--tls-cert-file'],
    rule: 'tlsCertFile is set (to an approved organizational certificate)',
    remediation: { config: 'tlsCertFile: <path/to/serving.crt>', flag: '', note: `${STIG_NOTE}; ${RESTART}` },
    related: ['CIS 4.2.9'],
    decidable: true,
    evaluate: (ctx) => tlsFileRule(ctx, 'tlsCertFile'),
  },
  {
    id: 'V-242424',
    benchmark: 'stig',
    title: 'Kubernetes Kubelet must enable tlsPrivateKeyFile for client authentication to secure service',
    level: 'CAT II',
    assessment: 'Automated',
    fields: ['tlsPrivateKeyFile', 'serverTLSBootstrap'],
    flags: ['--tls-private-key-file'],
    rule: 'tlsPrivateKeyFile is set',
    remediation: { config: 'tlsPrivateKeyFile: <path/to/serving.key>', flag: '', note: `${STIG_NOTE}; ${RESTART}` },
    related: ['CIS 4.2.9'],
    decidable: true,
    evaluate: (ctx) => tlsFileRule(ctx, 'tlsPrivateKeyFile'),
  },
];
