import { BENCHMARKS, CHECKS } from './catalog';
import type { NodeEvaluation } from './report';
import type { CheckDefinition, CheckLevel } from './types';

/**
 * SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json)
 * for code-scanning tools. Shaped for GitHub code scanning's ingestion rules
 * (docs.github.com/en/code-security/reference/code-scanning/sarif-files/sarif-support): one rule per check
 * with short/full description and help, a `security-severity` per rule, every result located (a logical
 * location for the node plus a stable physical URI per node, since a node has no file in the repository) and
 * fingerprinted by node and rule so re-uploads update alerts instead of duplicating them.
 *
 * Results: every failing node × check (kind "fail"), and decidable checks configz could not decide on a node
 * (kind "review", level "note"). Host-file checks, unknown on every node by construction, are rules without
 * results; nodes whose configz could not be read are tool execution notifications, not passes.
 */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifMessage {
  text: string;
  markdown?: string;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; 'security-severity': string; precision: 'very-high' | 'high' };
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind: 'fail' | 'review';
  level: SarifLevel;
  message: SarifMessage;
  locations: Array<{
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
    logicalLocations: Array<{ name: string; fullyQualifiedName: string; kind: string }>;
  }>;
  partialFingerprints: Record<string, string>;
  properties: { node: string; kubeletVersion: string; value: string; source: string };
}

interface SarifRun {
  tool: { driver: { name: string; semanticVersion: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  invocations: Array<{
    executionSuccessful: boolean;
    endTimeUtc: string;
    toolExecutionNotifications: Array<{
      level: SarifLevel;
      message: SarifMessage;
      locations?: SarifResult['locations'];
    }>;
  }>;
  results: SarifResult[];
  properties: { benchmarks: typeof BENCHMARKS; context: string; selector?: string };
}

/** GitHub's severity bands (≥ 9 critical, ≥ 7 high, ≥ 4 medium, else low), mapped from the check's level. */
const SEVERITY: Record<Exclude<CheckLevel, null> | 'none', string> = {
  'CAT I': '8.9',
  L1: '7.0',
  'CAT II': '5.5',
  L2: '4.0',
  'CAT III': '3.0',
  none: '5.0',
};

const sarifRuleId = (c: Pick<CheckDefinition, 'id' | 'benchmark'>): string =>
  `${c.benchmark === 'cis' ? 'CIS' : 'STIG'}-${c.id}`;

function rule(c: CheckDefinition): SarifRule {
  const b = BENCHMARKS[c.benchmark];
  const fix = [
    c.remediation.config ? `Config file (KubeletConfiguration):\n${c.remediation.config}` : '',
    c.remediation.flag ? `Flag: ${c.remediation.flag}` : '',
    c.remediation.note ?? '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const fixMd = [
    c.remediation.config ? `Config file (KubeletConfiguration):\n\n\`\`\`yaml\n${c.remediation.config}\n\`\`\`` : '',
    c.remediation.flag ? `Flag: \`${c.remediation.flag}\`` : '',
    c.remediation.note ?? '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const what = `${b.name} ${b.version}, ${c.id}${c.level ? ` (${c.level})` : ''}. Passes when ${c.rule}.`;
  return {
    id: sarifRuleId(c),
    name: c.title,
    shortDescription: { text: c.title },
    fullDescription: {
      text: `${what} Read from the kubelet's effective configuration (configz): ${c.fields.join(', ') || 'not visible there'}.`,
    },
    help: { text: `${what}\n\n${fix}`, markdown: `${what}\n\n${fixMd}` },
    helpUri: b.url,
    defaultConfiguration: { level: c.level === 'L2' || c.level === 'CAT III' ? 'warning' : 'error' },
    properties: {
      tags: ['security', 'kubernetes', 'kubelet', c.benchmark === 'cis' ? 'CIS' : 'DISA-STIG'],
      'security-severity': SEVERITY[c.level ?? 'none'],
      precision: c.decidable ? 'very-high' : 'high',
    },
  };
}

const location = (node: string): SarifResult['locations'] => [
  {
    // one stable URI per node: GitHub keys alerts on the path, and a node has no file in the repository
    physicalLocation: {
      artifactLocation: { uri: `nodes/${encodeURIComponent(node)}/kubelet/configz` },
      region: { startLine: 1 },
    },
    logicalLocations: [{ name: node, fullyQualifiedName: `nodes/${node}`, kind: 'resource' }],
  },
];

export function postureSarif(
  evaluations: readonly NodeEvaluation[],
  o: { context: string; fetchedAt: string; selector?: string; toolVersion: string },
): SarifLog {
  const rules = CHECKS.map(rule);
  const results: SarifResult[] = [];
  const notifications: SarifRun['invocations'][number]['toolExecutionNotifications'] = [];
  for (const e of evaluations) {
    if (e.state !== 'ok') {
      const text =
        e.state === 'unreadable'
          ? `${e.name}: configz could not be read (${e.reason}: ${e.message}); no check was made on this node`
          : `${e.name}: configz was still being read; no check was made on this node`;
      notifications.push({
        level: e.state === 'unreadable' ? 'error' : 'warning',
        message: { text },
        locations: location(e.name),
      });
      continue;
    }
    e.posture.results.forEach(({ check, outcome }, ruleIndex) => {
      if (outcome.status !== 'fail' && !(outcome.status === 'unknown' && check.decidable)) return;
      const ruleId = sarifRuleId(check);
      const fail = outcome.status === 'fail';
      results.push({
        ruleId,
        ruleIndex,
        kind: fail ? 'fail' : 'review',
        level: fail ? (rules[ruleIndex]?.defaultConfiguration.level ?? 'error') : 'note',
        message: {
          text: `${e.name}: ${check.title}. Effective value: ${outcome.value}${outcome.note ? ` (${outcome.note})` : ''}. ${outcome.reason}.`,
        },
        locations: location(e.name),
        partialFingerprints: { 'kubeletPostureNodeRule/v1': `${e.name}/${ruleId}` },
        properties: { node: e.name, kubeletVersion: e.kubeletVersion, value: outcome.value, source: outcome.source },
      });
    });
  }
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubelet-dashboard posture',
            semanticVersion: o.toolVersion,
            rules,
          },
        },
        // GitHub separates analyses by this category: one per cluster context (and selector)
        automationDetails: { id: `kubelet-posture/${o.context}${o.selector ? `/${o.selector}` : ''}/` },
        invocations: [
          { executionSuccessful: true, endTimeUtc: o.fetchedAt, toolExecutionNotifications: notifications },
        ],
        results,
        properties: { benchmarks: BENCHMARKS, context: o.context, ...(o.selector ? { selector: o.selector } : {}) },
      },
    ],
  };
}
