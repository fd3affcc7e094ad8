import Ajv from 'ajv';
import draft04 from 'ajv/lib/refs/json-schema-draft-04.json';
import { describe, expect, it } from 'vitest';
import kubeadm128 from '../fixtures/compare/kubeadm-v1.28.configz.json';
import v129LocalUp from '../fixtures/configz-v1.29-local-up-cluster.json';
import { CHECKS } from './catalog';
import { evaluateNode } from './evaluate';
import { postureCsv } from './export-csv';
import { postureSarif } from './export-sarif';
import sarifSchema from './fixtures/sarif-schema-2.1.0.json';
import { buildPostureReport, type NodeEvaluation } from './report';

const ok = (
  name: string,
  capture: { kubeletconfig: Record<string, unknown> },
  kubeletVersion: string,
  roles: string[] = [],
) =>
  ({
    name,
    kubeletVersion,
    state: 'ok',
    posture: evaluateNode({ config: capture.kubeletconfig, kubeletVersion, roles }),
  }) as const;

const FLEET: NodeEvaluation[] = [
  ok('cp-1', kubeadm128, 'v1.28.15', ['control-plane']),
  ok('worker-1', kubeadm128, 'v1.28.15'),
  ok('legacy-1', v129LocalUp, 'v1.29.0'),
  {
    name: 'gke-forbidden',
    kubeletVersion: 'v1.32.4',
    state: 'unreadable',
    reason: 'Forbidden',
    message: 'kubelet answered 403',
  },
  { name: 'slow-1', kubeletVersion: 'v1.31.9', state: 'pending' },
];
const META = { context: 'prod', fetchedAt: '2026-01-02T03:04:05.000Z' };

describe('buildPostureReport', () => {
  it('counts each check over evaluated nodes only; unreadable and pending nodes are listed apart', () => {
    const r = buildPostureReport(FLEET, { view: 'summary', ...META });
    expect(r.totals).toEqual({ nodes: 5, evaluated: 3, unreadable: 1, pending: 1 });
    expect(r.unreadable).toEqual({ 'gke-forbidden': 'Forbidden: kubelet answered 403' });
    // named only where a page shows them per node (full and nodes views); the summary carries the count
    expect(r.pending).toBeUndefined();
    expect(buildPostureReport(FLEET, { view: 'nodes', ...META }).pending).toEqual(['slow-1']);
    expect(buildPostureReport(FLEET, { view: 'full', ...META }).pending).toEqual(['slow-1']);
    expect(buildPostureReport(FLEET, { view: 'check', checkId: '4.2.1', ...META }).pending).toBeUndefined();
    const anon = r.checks.find((c) => c.id === '4.2.1');
    expect(anon?.counts).toEqual({ pass: 2, fail: 1, unknown: 0, 'n/a': 0 });
    expect(anon?.nodes).toBeUndefined();
    // static pods: n/a on the control plane, failing on both workers
    expect(r.checks.find((c) => c.id === 'V-242397')?.counts).toEqual({ pass: 0, fail: 2, unknown: 0, 'n/a': 1 });
    expect(r.checks).toHaveLength(CHECKS.length);
  });

  it('full view: status and effective value per node, as the API contract says', () => {
    const r = buildPostureReport(FLEET, { view: 'full', ...META });
    const port = r.checks.find((c) => c.id === '4.2.4');
    expect(port?.nodes).toEqual({ 'cp-1': 'pass', 'worker-1': 'pass', 'legacy-1': 'fail' });
    expect(port?.values).toEqual({ 'cp-1': '0', 'worker-1': '0', 'legacy-1': '10255' });
  });

  it('check view: one check, nodes grouped by outcome, failing groups first', () => {
    const r = buildPostureReport(FLEET, { view: 'check', checkId: '4.2.4', ...META });
    expect(r.checks).toHaveLength(1);
    expect(r.checks[0]?.groups?.map((g) => [g.status, g.value, g.nodes])).toEqual([
      ['fail', '10255', ['legacy-1']],
      ['pass', '0', ['cp-1', 'worker-1']],
    ]);
  });

  it('nodes view: per-node counts for the node list', () => {
    const r = buildPostureReport(FLEET, { view: 'nodes', ...META });
    expect(r.nodeCounts?.['legacy-1']?.fail).toBeGreaterThan(r.nodeCounts?.['worker-1']?.fail ?? Infinity);
    expect(Object.keys(r.nodeCounts ?? {})).toEqual(['cp-1', 'worker-1', 'legacy-1']);
  });
});

describe('CSV export', () => {
  it('has one row per node and check, plus the unreadable and pending nodes', () => {
    const csv = postureCsv(FLEET);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('node,kubelet_version,benchmark,check,level,title,status,value,source,reason');
    expect(lines).toHaveLength(1 + 3 * CHECKS.length + 2);
    expect(lines).toContain(
      'legacy-1,v1.29.0,CIS,4.2.4,L1,"Verify that if defined, the --read-only-port argument is set to 0",fail,10255,configz,"port 10255 serves /pods, /spec and /stats over plain HTTP with no authentication or authorization"',
    );
    expect(lines.at(-2)).toBe('gke-forbidden,v1.32.4,,,,,unreadable,,,Forbidden: kubelet answered 403');
    expect(lines.at(-1)).toBe('slow-1,v1.31.9,,,,,pending,,,configz not read yet');
  });
  it('quotes separators and defuses spreadsheet formulas in every cell', () => {
    const hostile: NodeEvaluation[] = [
      { name: 'n1', kubeletVersion: '=cmd|x', state: 'unreadable', reason: 'Invalid', message: 'bad, "quoted"' },
    ];
    expect(postureCsv(hostile).split('\r\n')[1]).toBe(`n1,'=cmd|x,,,,,unreadable,,,"Invalid: bad, ""quoted"""`);
  });
});

describe('SARIF export', () => {
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  ajv.addMetaSchema(draft04);
  const validate = ajv.compile(sarifSchema);
  const log = postureSarif(FLEET, { ...META, toolVersion: '0.1.0' });

  it('is valid against the OASIS SARIF 2.1.0 schema', () => {
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check itself rejects what SARIF forbids', () => {
    const broken = structuredClone(log) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    broken.runs[0]!.results[0]!.level = 'critical';
    delete broken.runs[0]!.results[1]!.message;
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.length).toBeGreaterThanOrEqual(2);
  });

  it('reports failures with a stable rule id, fingerprint and node location', () => {
    const run = log.runs[0]!;
    expect(run.tool.driver.rules).toHaveLength(CHECKS.length);
    const readOnly = run.results.find((r) => r.ruleId === 'CIS-4.2.4');
    expect(readOnly).toMatchObject({
      kind: 'fail',
      level: 'error',
      partialFingerprints: { 'kubeletPostureNodeRule/v1': 'legacy-1/CIS-4.2.4' },
      properties: { node: 'legacy-1', value: '10255' },
    });
    expect(run.tool.driver.rules[readOnly!.ruleIndex]?.id).toBe('CIS-4.2.4');
    expect(readOnly?.locations[0]?.logicalLocations[0]?.name).toBe('legacy-1');
    // passes are not results; host-file checks (unknown by construction) are rules without results
    expect(run.results.some((r) => r.ruleId === 'CIS-4.2.4' && r.properties.node === 'worker-1')).toBe(false);
    expect(run.results.some((r) => r.ruleId.startsWith('CIS-4.1.'))).toBe(false);
    expect(run.results.every((r) => r.kind === 'fail')).toBe(true);
  });

  it('names unreadable and pending nodes as notifications, never as passes', () => {
    const notes = log.runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(notes.map((n) => [n.level, n.message.text])).toEqual([
      [
        'error',
        'gke-forbidden: configz could not be read (Forbidden: kubelet answered 403); no check was made on this node',
      ],
      ['warning', 'slow-1: configz was still being read; no check was made on this node'],
    ]);
  });
});
