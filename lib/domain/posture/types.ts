/**
 * Shapes of the kubelet security posture checks (issue 17). Pure data: the catalog (catalog.ts) lists the
 * checks, evaluate.ts runs them on one node's effective configz, report.ts sums them over a fleet.
 */

/**
 * - pass / fail: decided from the node's effective configuration.
 * - unknown: configz cannot answer (file permissions on the node, a flag with no KubeletConfiguration field, a
 *   value we cannot interpret); the outcome says which and what would tell.
 * - n/a: the rule does not apply to this node (e.g. a STIG rule scoped to worker nodes, on a control-plane node;
 *   a rule for kubelets older than this one).
 */
export type CheckStatus = 'pass' | 'fail' | 'unknown' | 'n/a';

/** CIS profile level, or DISA STIG severity category. null: the level is not published where we could read it. */
export type CheckLevel = 'L1' | 'L2' | 'CAT I' | 'CAT II' | 'CAT III' | null;

type BenchmarkId = 'cis' | 'stig';

/** Where the value a check judged came from. */
export type ValueSource =
  /** present in configz */
  | 'configz'
  /** absent from configz because it is Go's zero value (encoding/json omitempty): 0, false, "" */
  | 'zero'
  /** absent from configz although a running kubelet always reports it (a trimmed capture): the default for its version */
  | 'default'
  /** configz cannot show it (a flag-only setting, file metadata, the systemd unit) */
  | 'not-in-configz';

export interface CheckOutcome {
  status: CheckStatus;
  /** the effective value(s) judged, as a person reads them ("10255", "Webhook", "4h0m0s", "not set") */
  value: string;
  source: ValueSource;
  /** why this status, from the evidence: the rule applied, what would tell */
  reason: string;
  /** how a value absent from configz was resolved (its zero value, or the version default) */
  note?: string;
}

/** How to fix a failing node: the KubeletConfiguration field (config file) and the command-line flag. */
export interface Remediation {
  /** YAML fragment for the kubelet config file (`--config`), or '' when there is no field */
  config: string;
  /** command-line flag, or '' when there is none */
  flag: string;
  /** anything else (restart, file commands) */
  note?: string;
}

/** What the evaluation of one node knows. */
export interface CheckContext {
  /** the node's effective KubeletConfiguration as configz serves it (the object inside `kubeletconfig`) */
  config: Record<string, unknown>;
  /** 1.x minor the defaults are taken from */
  minor: number;
  /** how the minor was found: the Node's kubeletVersion, fields configz carries, or the newest we know */
  minorSource: 'node' | 'config' | 'assumed';
  /** node-role.kubernetes.io/* roles (control-plane, master…); [] for workers */
  roles: readonly string[];
}

export interface CheckDefinition {
  /** benchmark id: "4.2.1" (CIS) or "V-242434" (STIG) */
  id: string;
  benchmark: BenchmarkId;
  title: string;
  level: CheckLevel;
  /** CIS: Automated or Manual as kube-bench marks it (scored: true/false); STIG: the rule's check type */
  assessment: 'Automated' | 'Manual';
  /** KubeletConfiguration fields (dotted paths) the check reads; [] when configz has none */
  fields: readonly string[];
  /** the matching kubelet flags */
  flags: readonly string[];
  remediation: Remediation;
  /** the same requirement in the other benchmark ("V-242391", "CIS 4.2.1") */
  related: readonly string[];
  /** whether configz can ever decide this check (false: file permissions, flag-only settings) */
  decidable: boolean;
  /** short statement of what passes, shown beside the check */
  rule: string;
  evaluate(ctx: CheckContext): CheckOutcome;
}
