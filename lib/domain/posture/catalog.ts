import { CIS_KUBELET_CHECKS } from './checks-cis';
import { CIS_FILE_CHECKS } from './checks-host';
import { STIG_KUBELET_CHECKS } from './checks-stig';
import type { CheckDefinition } from './types';

/**
 * The benchmarks the checks follow. kube-bench maps Kubernetes 1.32–1.34 to CIS 1.12 (cfg/config.yaml
 * version_mapping); its kubelet section is the same as CIS 1.9–1.11 except: 4.2.14 (seccompDefault) is new in
 * 1.11, 1.11's 4.2.15 (systemd IPAddressDeny) was dropped again, and 4.2.12's cipher allow-list lost the two
 * TLS_RSA_* suites in 1.12. One benchmark version is applied to every node of a mixed fleet, so a report
 * compares like with like; the README has the per-check comparison with kube-bench.
 */
export const BENCHMARKS = {
  cis: {
    id: 'cis-1.12',
    name: 'CIS Kubernetes Benchmark',
    version: 'v1.12.0',
    sections: '4.1 Worker Node Configuration Files, 4.2 Kubelet',
    url: 'https://workbench.cisecurity.org/benchmarks/22107',
    encodedFrom:
      'aquasecurity/kube-bench cfg/cis-1.12/node.yaml (commit a73ce378418c71c5861e6963753f50dec3badadf): ids, titles, Automated/Manual, audit rules',
  },
  stig: {
    id: 'disa-kubernetes-stig-v2',
    name: 'DISA Kubernetes STIG',
    version: 'Version 2 (rule revisions as in SV-242387r1137639, SV-245541r1069469)',
    sections: 'kubelet rules not already covered by CIS 4.2',
    url: 'https://public.cyber.mil/stigs/downloads/',
    encodedFrom:
      'mitre/k8s-node-stig-baseline controls/SV-*.rb (commit 24ca1441865919fadea94cdc60a6dfb2e22ecdd6): check and fix text of each rule',
  },
} as const;

/** Every check, in report order: CIS 4.2 (what configz decides), STIG additions, then CIS 4.1 (host files). */
export const CHECKS: readonly CheckDefinition[] = [...CIS_KUBELET_CHECKS, ...STIG_KUBELET_CHECKS, ...CIS_FILE_CHECKS];

const BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

export const checkById = (id: string): CheckDefinition | undefined => BY_ID.get(id);

/** "CIS 4.2.1" / "STIG V-242434": the id with its benchmark, as reports print it. */
export const qualifiedId = (c: Pick<CheckDefinition, 'id' | 'benchmark'>): string =>
  `${c.benchmark === 'cis' ? 'CIS' : 'STIG'} ${c.id}`;
