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
    { id: 'v1', label: 'A: k8s-worker-1' },
    { id: 'v2', label: 'B: k8s-worker-3' },
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
  it('CSV carries the baseline findings first, then the diff table, then the unreadable nodes', () => {
    const { body, filename } = exportCompare(report, 'csv', false);
    expect(filename).toBe('kubelet-config-drift-prod.csv');
    const [baseline, diff, unknown] = sections(body);
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

  it('Markdown carries the same three sections', () => {
    const { body } = exportCompare(report, 'md', false);
    const headings = body.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Kubelet config drift (prod)',
      '## Against baseline kube-system/kubelet-config',
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

  it('keeps formula-looking values from a hostile config inert in CSV', () => {
    const hostile = { ...report, unknown: [{ node: 'n', version: 'v1', reason: '=HYPERLINK("x")', message: 'm' }] };
    expect(exportCompare(hostile, 'csv', false).body).toContain(`n,v1,"'=HYPERLINK(""x"")",m`);
  });
});
