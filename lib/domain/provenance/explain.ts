import { attribute } from './attribute';
import { extractKubeletArgv } from './command-line';
import { containerdCgroupDriver } from './config-file';
import { orderConfigLayers } from './config-layers';
import { parseMinor } from '@/lib/domain/config-defaults';
import { detectKind, type PastedInput } from './inputs';
import { parseKubeletArgs, type ArgToken } from './kubelet-flags-parse';
import { predictConfig, type ConfigLayer } from './predict';
import { redactDeep } from './redact-deep';
import { sourceKind, sourceLabel, type FieldSource } from './source';
import { expandExecStart, type ExpandedToken } from './exec-start';
import { mergeService, type UnitFile } from './systemd-unit';
import { flagWarnings, runtimeWarnings, type ProvenanceWarning } from './warnings';

/** @internal exported for its unit tests */
export interface FieldRow {
  readonly path: string;
  /** predicted = no live configz to compare with */
  readonly status: 'explained' | 'unexplained' | 'not-live' | 'predicted';
  readonly live?: unknown;
  readonly predicted?: unknown;
  readonly source?: string;
  readonly sourceKind?: 'default' | 'config' | 'flag' | 'derived';
  readonly overridden: Array<{ value: unknown; source: string }>;
}

/** @internal exported for its unit tests */
export interface FlagRow {
  readonly flag: string;
  readonly value: string;
  readonly type: 'config' | 'kubelet-only' | 'removed' | 'unknown';
  readonly field?: string;
  readonly where: string;
}

export interface ExplainResult {
  readonly version: string;
  readonly argv: string[];
  readonly flags: FlagRow[];
  readonly fields: FieldRow[];
  readonly warnings: ProvenanceWarning[];
  readonly notes: string[];
  readonly liveCompared: boolean;
  readonly summary: { readonly explained: number; readonly unexplained: number; readonly notLive: number };
}

const info = (message: string): ProvenanceWarning => ({ severity: 'info', code: 'input', message });
const warn = (message: string): ProvenanceWarning => ({ severity: 'warning', code: 'input', message });

/**
 * Explains a node's effective kubelet configuration from what the user pasted: the command line (from unit
 * files via systemd's rules, or from a process listing), the config file(s), and optionally containerd's
 * config; then compares the prediction with the live configz. Pure: the caller fetches version, configz and
 * the kubeadm ConfigMap. Everything returned has secrets redacted.
 */
export function explainKubeletConfig(input: {
  version: string;
  live?: Record<string, unknown> | null;
  inputs: readonly PastedInput[];
  /** kube-system/kubelet-config contents, used when --config names a file the user did not paste */
  configMap?: { name: string; config: Record<string, unknown> } | null;
}): ExplainResult {
  const minor = parseMinor(input.version.trim()) ?? 33;
  const notes: string[] = [];
  const warnings: ProvenanceWarning[] = [];
  if (parseMinor(input.version.trim()) === undefined)
    warnings.push(warn(`Kubelet version "${input.version}" is unreadable; assuming 1.33.`));

  const classified = input.inputs.map((i) => ({ ...i, kind: detectKind(i) }));
  const of = (k: string): UnitFile[] =>
    classified.filter((i) => i.kind === k).map(({ path, content }) => ({ path, content }));
  const units = of('unit');
  const envs = of('env');

  let expanded: ExpandedToken[] | undefined;
  if (units.length > 0) {
    const service = mergeService(units, envs);
    notes.push(`Unit files applied in this order: ${service.order.join(' → ')}.`);
    for (const n of service.notes) warnings.push(warn(n));
    for (const ref of service.missingEnvFiles) {
      warnings.push(
        ref.optional
          ? info(
              `EnvironmentFile=-${ref.path} (${ref.declaredIn}) was not pasted; if it exists on the node its variables are missing here.`,
            )
          : warn(
              `EnvironmentFile=${ref.path} (${ref.declaredIn}) was not pasted and is not optional: if it is missing on the node, systemd will not start the kubelet.`,
            ),
      );
    }
    const line =
      [...service.execStart]
        .reverse()
        .find((l) => /(^|\/)kubelet(\s|$)/.test(l.command.trim().split(/\s+/)[0] ?? '')) ?? service.execStart.at(-1);
    if (line) {
      const { tokens, undefinedVariables } = expandExecStart(line, service.environment);
      expanded = tokens;
      for (const v of new Set(undefinedVariables))
        notes.push(`$${v} is not set by any pasted file and expands to nothing.`);
    } else warnings.push(warn('The pasted unit files have no ExecStart= left after merging.'));
  }

  const listed = classified
    .filter((i) => i.kind === 'command-line')
    .map((i) => extractKubeletArgv(i.content))
    .find((r) => r !== undefined);
  let tokens: ArgToken[] = [];
  let argv: string[] = [];
  if (listed) {
    notes.push(...listed.notes);
    argv = listed.argv;
    const pool = [...(expanded ?? []).slice(1)];
    tokens = listed.argv.slice(1).map((text) => {
      const at = pool.findIndex((t) => t.text === text);
      if (at < 0) return { text };
      const [hit] = pool.splice(at, 1);
      return { text, ...(hit ? { origin: hit.origin } : {}) };
    });
    if (expanded && tokens.some((t) => !t.origin)) {
      warnings.push(
        warn(
          'The running command line has arguments the pasted unit files do not produce: the files changed since the last restart (daemon-reload + restart pending), or not all files were pasted.',
        ),
      );
    }
  } else if (expanded) {
    argv = expanded.map((t) => t.text);
    tokens = expanded.slice(1).map((t) => ({ text: t.text, origin: t.origin }));
  } else if (classified.some((i) => i.kind === 'command-line')) {
    warnings.push(warn('No kubelet command line was found in the pasted process listing.'));
  }

  const parsed = parseKubeletArgs(tokens, minor);
  const configFlag = [...parsed.occurrences].reverse().find((o) => o.name === 'config')?.value;
  const configDirFlag = [...parsed.occurrences].reverse().find((o) => o.name === 'config-dir')?.value;
  const ordered = orderConfigLayers({
    configs: classified.filter((i) => i.kind === 'kubelet-config'),
    ...(configFlag !== undefined ? { configFlag } : {}),
    ...(configDirFlag !== undefined ? { configDirFlag } : {}),
  });
  const layers: ConfigLayer[] = ordered.layers;
  notes.push(...ordered.notes);
  for (const p of ordered.problems) warnings.push(warn(p));
  if (layers.length === 0 && configFlag !== undefined) {
    if (input.configMap) {
      layers.push({ source: { kind: 'configmap', name: input.configMap.name }, config: input.configMap.config });
      notes.push(
        `${configFlag} was not pasted; using the ConfigMap ${input.configMap.name}, which kubeadm writes to that file on join and upgrade.`,
      );
    } else warnings.push(warn(`--config=${configFlag} was not pasted: fields it sets will show as unexplained.`));
  }

  const prediction = predictConfig({
    minor,
    versionLabel: `v1.${minor}`,
    hasConfigFlag: configFlag !== undefined || layers.length > 0,
    layers,
    occurrences: parsed.occurrences,
  });
  warnings.push(...flagWarnings(parsed, prediction, minor));
  const driver = prediction.fields.get('cgroupDriver');
  const containerd = classified
    .filter((i) => i.kind === 'containerd-config')
    .map((i) => containerdCgroupDriver(i.content))
    .find(Boolean);
  warnings.push(
    ...runtimeWarnings({
      cgroupDriver: input.live?.cgroupDriver ?? driver?.value,
      cgroupDriverSource:
        input.live?.cgroupDriver !== undefined ? 'live configz' : driver ? sourceLabel(driver.source) : 'default',
      ...(containerd ? { runtimeDriver: containerd } : {}),
      systemdManaged:
        units.length > 0 ||
        classified.some((i) => i.kind === 'command-line' && /\bCGroup:|\.service\b/.test(i.content)),
    }),
  );

  const label = (s: FieldSource) => ({ source: sourceLabel(s), sourceKind: sourceKind(s) });
  const overridden = (o: ReadonlyArray<{ value: unknown; source: FieldSource }>) =>
    o.map((x) => ({ value: x.value, source: sourceLabel(x.source) }));
  const fields: FieldRow[] = input.live
    ? attribute(prediction.fields, input.live).map((a): FieldRow => {
        if (a.status === 'explained')
          return {
            path: a.path,
            status: a.status,
            live: a.live,
            predicted: a.live,
            ...label(a.source),
            overridden: overridden(a.overridden),
          };
        if (a.status === 'not-live')
          return { path: a.path, status: a.status, predicted: a.predicted, ...label(a.source), overridden: [] };
        return {
          path: a.path,
          status: a.status,
          live: a.live,
          ...(a.source ? { predicted: a.predicted, ...label(a.source) } : {}),
          overridden: [],
        };
      })
    : [...prediction.fields.values()]
        .sort((a, b) => (a.path < b.path ? -1 : 1))
        .map((p) => ({
          path: p.path,
          status: 'predicted',
          predicted: p.value,
          ...label(p.source),
          overridden: overridden(p.overridden),
        }));

  const flags: FlagRow[] = parsed.occurrences.map((o) => ({
    flag: o.name,
    value: o.value,
    type: o.info.type,
    ...(o.info.type === 'config' ? { field: o.info.def.field } : {}),
    where: o.origin?.variable
      ? `${o.origin.variable} (${o.origin.definedIn ?? o.origin.unit})`
      : o.origin
        ? `ExecStart (${o.origin.unit})`
        : 'command line',
  }));
  const count = (s: FieldRow['status']) => fields.filter((f) => f.status === s).length;
  return redactDeep({
    version: input.version,
    argv,
    flags,
    fields,
    warnings,
    notes,
    liveCompared: Boolean(input.live),
    summary: { explained: count('explained'), unexplained: count('unexplained'), notLive: count('not-live') },
  });
}
