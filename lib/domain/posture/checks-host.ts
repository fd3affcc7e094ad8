import { effective, formatValue } from './effective';
import type { CheckContext, CheckDefinition, CheckOutcome } from './types';

/**
 * CIS Kubernetes Benchmark v1.12.0 section 4.1 (worker node configuration files), kube-bench cfg/cis-1.12
 * node.yaml. Every one is about a file's mode or owner on the node's disk (kube-bench runs `stat` through a
 * hostPath mount); configz carries no file metadata, so they are always "unknown" here, with the path where
 * configz knows it. They stay in the list so the report says what it did not check.
 */
interface HostFile {
  id: string;
  title: string;
  assessment: 'Automated' | 'Manual';
  /** what file, and how its path is found */
  file: (ctx: CheckContext) => { value: string; what: string };
  fix: string;
  related?: string[];
}

const flagPath = (flag: string, what: string) => () => ({
  value: `path not in configz (${flag})`,
  what: `${what}, whose path is given by ${flag} (not a KubeletConfiguration field)`,
});

const clientCa = (ctx: CheckContext) => {
  const e = effective(ctx, 'authentication.x509.clientCAFile');
  const path = typeof e.value === 'string' ? e.value : '';
  return path
    ? { value: path, what: `the client CA file ${path} (path from configz)` }
    : { value: 'clientCAFile not set', what: 'the client CA file (clientCAFile is not set on this node)' };
};

const FILES: readonly HostFile[] = [
  {
    id: '4.1.1',
    title: 'Ensure that the kubelet service file permissions are set to 600 or more restrictive',
    assessment: 'Automated',
    file: () => ({ value: 'unit file, not in configz', what: "the kubelet's systemd unit and drop-ins" }),
    fix: 'chmod 600 <kubelet service file>',
  },
  {
    id: '4.1.2',
    title: 'Ensure that the kubelet service file ownership is set to root:root',
    assessment: 'Automated',
    file: () => ({ value: 'unit file, not in configz', what: "the kubelet's systemd unit and drop-ins" }),
    fix: 'chown root:root <kubelet service file>',
  },
  {
    id: '4.1.3',
    title: 'If proxy kubeconfig file exists ensure permissions are set to 600 or more restrictive',
    assessment: 'Manual',
    file: () => ({ value: 'kube-proxy file, not in configz', what: "kube-proxy's kubeconfig" }),
    fix: 'chmod 600 <proxy kubeconfig file>',
  },
  {
    id: '4.1.4',
    title: 'If proxy kubeconfig file exists ensure ownership is set to root:root',
    assessment: 'Manual',
    file: () => ({ value: 'kube-proxy file, not in configz', what: "kube-proxy's kubeconfig" }),
    fix: 'chown root:root <proxy kubeconfig file>',
  },
  {
    id: '4.1.5',
    title: 'Ensure that the --kubeconfig kubelet.conf file permissions are set to 600 or more restrictive',
    assessment: 'Automated',
    file: flagPath('--kubeconfig', "the kubelet's kubeconfig"),
    fix: 'chmod 600 <kubelet kubeconfig, e.g. /etc/kubernetes/kubelet.conf>',
  },
  {
    id: '4.1.6',
    title: 'Ensure that the --kubeconfig kubelet.conf file ownership is set to root:root',
    assessment: 'Automated',
    file: flagPath('--kubeconfig', "the kubelet's kubeconfig"),
    fix: 'chown root:root <kubelet kubeconfig, e.g. /etc/kubernetes/kubelet.conf>',
  },
  {
    id: '4.1.7',
    title: 'Ensure that the certificate authorities file permissions are set to 644 or more restrictive',
    assessment: 'Manual',
    file: clientCa,
    fix: 'chmod 644 <client CA file>',
  },
  {
    id: '4.1.8',
    title: 'Ensure that the client certificate authorities file ownership is set to root:root',
    assessment: 'Manual',
    file: clientCa,
    fix: 'chown root:root <client CA file>',
  },
  {
    id: '4.1.9',
    title:
      'If the kubelet config.yaml configuration file is being used validate permissions set to 600 or more restrictive',
    assessment: 'Automated',
    file: flagPath('--config', "the kubelet's config file"),
    fix: 'chmod 600 <kubelet config file, e.g. /var/lib/kubelet/config.yaml>',
  },
  {
    id: '4.1.10',
    title: 'If the kubelet config.yaml configuration file is being used validate file ownership is set to root:root',
    assessment: 'Automated',
    file: flagPath('--config', "the kubelet's config file"),
    fix: 'chown root:root <kubelet config file, e.g. /var/lib/kubelet/config.yaml>',
  },
];

function hostOutcome(f: HostFile, ctx: CheckContext): CheckOutcome {
  const { value, what } = f.file(ctx);
  return {
    status: 'unknown',
    value: formatValue(value),
    source: 'not-in-configz',
    reason: `needs the mode and owner of ${what} on the node's disk; configz carries no file metadata. stat on the node (or kube-bench) tells`,
  };
}

export const CIS_FILE_CHECKS: readonly CheckDefinition[] = FILES.map((f) => ({
  id: f.id,
  benchmark: 'cis',
  title: f.title,
  level: 'L1',
  assessment: f.assessment,
  fields: [],
  flags: [],
  rule: f.title.replace(/^Ensure that |^If /, ''),
  remediation: { config: '', flag: '', note: `on the node: ${f.fix}` },
  related: f.related ?? [],
  decidable: false,
  evaluate: (ctx) => hostOutcome(f, ctx),
}));
