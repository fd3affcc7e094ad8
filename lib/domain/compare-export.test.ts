import { describe, expect, it } from 'vitest';
import { exportCompare, type ExportableReport } from './compare-export';

const value = (display: string) => ({ display, defaulted: false, canonical: display, cls: 0 });

const report: ExportableReport = {
  context: 'prod',
  columns: [{ label: 'k8s-worker-1' }, { label: 'k8s-worker-3' }],
  rows: [
    {
      path: ['maxPods'],
      values: [value('32'), { ...value('64'), cls: 1 }],
      differs: true,
      kind: 'drift',
      ignored: false,
    },
    { path: ['cgroupDriver'], values: [value('systemd'), value('systemd')], differs: false, ignored: false },
  ],
  variants: [
    { id: 'v1', label: 'A: k8s-worker-1', nodes: ['k8s-worker-1'], versions: ['v1.33.2'], outlier: false, keys: [] },
    {
      id: 'v2',
      label: 'B: k8s-worker-3',
      nodes: ['k8s-worker-3'],
      versions: ['v1.33.2'],
      outlier: true,
      keys: [{ path: ['maxPods'], display: '64', defaulted: false }],
    },
  ],
  unknown: [
    { node: 'ip-10-0-2-47', version: 'v1.32.5', reason: 'KubeletUnreachable', message: 'dial tcp: i/o timeout' },
  ],
  baseline: {
    label: 'kube-system/kubelet-config',
    results: [
      { variantId: 'v1', nodes: ['k8s-worker-1'], versions: ['v1.33.2'], differences: [] },
      {
        variantId: 'v2',
        nodes: ['k8s-worker-3'],
        versions: ['v1.33.2'],
        differences: [
          {
            path: ['maxPods'],
            expected: { display: '32', defaulted: false },
            actual: { display: '64', defaulted: false },
            flag: '--max-pods',
            causes: [{ text: 'KUBELET_EXTRA_ARGS in /etc/default/kubelet' }],
          },
        ],
      },
    ],
  },
};

/** CSV sections: split on the empty line between them, each a list of lines. */
const sections = (csv: string) => csv.split('\r\n\r\n').map((s) => s.split('\r\n').filter(Boolean));

describe('exportCompare', () => {
  it('CSV carries the baseline findings first, then the variants, the diff table, then the unreadable nodes', () => {
    const { body, filename } = exportCompare(report, 'csv', false);
    expect(filename).toBe('kubelet-config-drift-prod.csv');
    const [baseline, variants, diff, unknown] = sections(body);
    expect(variants).toEqual([
      'Fleet variants',
      'variant,nodes,versions,outlier,sets it apart',
      'A: k8s-worker-1,k8s-worker-1,v1.33.2,no,',
      'B: k8s-worker-3,k8s-worker-3,v1.33.2,yes,maxPods=64',
    ]);
    expect(baseline).toEqual([
      'Against baseline kube-system/kubelet-config',
      'variant,nodes,versions,key,baseline,node,set by flag,usual cause',
      'A: k8s-worker-1,k8s-worker-1,v1.33.2,,matches,,,',
      // a leading '-' is quoted like every cell (spreadsheets read it as a formula)
      "B: k8s-worker-3,k8s-worker-3,v1.33.2,maxPods,32,64,'--max-pods,KUBELET_EXTRA_ARGS in /etc/default/kubelet",
    ]);
    expect(diff).toEqual(['Differing keys', 'key,k8s-worker-1,k8s-worker-3,differs', 'maxPods,32,64,yes']);
    expect(unknown).toEqual([
      'Unreadable nodes (config unknown)',
      'node,version,reason,message',
      'ip-10-0-2-47,v1.32.5,KubeletUnreachable,dial tcp: i/o timeout',
    ]);
  });

  it('Markdown carries the same sections', () => {
    const { body } = exportCompare(report, 'md', false);
    const headings = body.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Kubelet config drift (prod)',
      '## Against baseline kube-system/kubelet-config',
      '## Fleet variants',
      '## Differing keys',
      '## Unreadable nodes (config unknown)',
    ]);
    expect(body).toContain('| B: k8s-worker-3 | k8s-worker-3 | v1.33.2 | maxPods | 32 | 64 | --max-pods |');
    expect(body).toContain('| ip-10-0-2-47 | v1.32.5 | KubeletUnreachable | dial tcp: i/o timeout |');
  });

  it('says when the baseline could not be loaded, and leaves the section out without a baseline', () => {
    const unavailable = {
      ...report,
      baseline: {
        label: 'kube-system/kubelet-config',
        results: [],
        unavailable: { reason: 'NotFound', message: 'no ConfigMap' },
      },
    };
    expect(sections(exportCompare(unavailable, 'csv', false).body)[0]).toEqual([
      'Against baseline kube-system/kubelet-config',
      'unavailable,message',
      'NotFound,no ConfigMap',
    ]);
    const none = exportCompare({ ...report, baseline: null, unknown: [] }, 'md', false).body;
    expect(none).not.toContain('Against baseline');
    expect(none).toContain('None: every selected node was read.');
  });

  it('across clusters, a variant column can be traced to its nodes, each named <context>/<node>', () => {
    const across: ExportableReport = {
      ...report,
      context: 'sim-admin, kubeasz-idc',
      columns: [{ label: 'A (3 nodes)' }, { label: 'B: kubeasz-idc/192.168.10.24' }],
      variants: [
        {
          id: 'v1',
          label: 'A (3 nodes)',
          nodes: ['sim-admin/k8s-worker-1', 'kubeasz-idc/192.168.10.21', 'kubeasz-idc/192.168.10.22'],
          versions: ['v1.28.15', 'v1.33.2'],
          outlier: false,
          keys: [],
        },
        {
          id: 'v2',
          label: 'B: kubeasz-idc/192.168.10.24',
          nodes: ['kubeasz-idc/192.168.10.24'],
          versions: ['v1.28.15'],
          outlier: true,
          keys: [{ path: ['systemReserved', 'memory'], display: '1Gi', defaulted: false }],
        },
      ],
      baseline: null,
    };
    const [variants, diff] = sections(exportCompare(across, 'csv', false).body);
    expect(diff?.[1]).toBe('key,A (3 nodes),B: kubeasz-idc/192.168.10.24,differs');
    expect(variants?.[2]).toBe(
      'A (3 nodes),sim-admin/k8s-worker-1 kubeasz-idc/192.168.10.21 kubeasz-idc/192.168.10.22,v1.28.15 v1.33.2,no,',
    );
    expect(variants?.[3]).toBe(
      'B: kubeasz-idc/192.168.10.24,kubeasz-idc/192.168.10.24,v1.28.15,yes,systemReserved.memory=1Gi',
    );
    const md = exportCompare(across, 'md', false).body;
    expect(md).toContain(
      '| A (3 nodes) | sim-admin/k8s-worker-1 kubeasz-idc/192.168.10.21 kubeasz-idc/192.168.10.22 |',
    );
  });

  it('keeps formula-looking values from a hostile config inert in CSV', () => {
    const hostile = { ...report, unknown: [{ node: 'n', version: 'v1', reason: '=HYPERLINK("x")', message: 'm' }] };
    expect(exportCompare(hostile, 'csv', false).body).toContain(`n,v1,"'=HYPERLINK(""x"")",m`);
  });
});
