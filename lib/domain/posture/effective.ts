import { getAtPath } from '@/lib/domain/config-flatten';
import { parseMinor } from '@/lib/domain/config-defaults';
import { defaultFor, kubeletField, REFERENCE_MINOR } from '@/lib/domain/kubelet-fields';
import { minimumMinorFromConfig } from '@/lib/domain/kubelet-version';
import type { CheckContext, ValueSource } from './types';

/**
 * The effective value of a KubeletConfiguration field as configz shows it, with absent fields resolved the way
 * the kubelet serialises them.
 *
 * configz is the kubelet's *running* config (internal type converted to kubelet.config.k8s.io/v1beta1 and
 * marshalled with encoding/json: cmd/kubelet/app/server.go initConfigz). So:
 * - a non-pointer scalar with `omitempty` (readOnlyPort int32, protectKernelDefaults bool, rotateCertificates
 *   bool, serverTLSBootstrap bool, tlsCertFile string…) is left out when it is Go's zero value: absent means
 *   0 / false / "". Empty slices and maps (tlsCipherSuites, featureGates) are left out the same way.
 * - pointer fields (*bool, *int32: anonymous.enabled, eventRecordQPS, makeIPTablesUtilChains, podPidsLimit…)
 *   are always set by the conversion from the internal type, and struct fields (metav1.Duration:
 *   streamingConnectionIdleTimeout) are never omitted by encoding/json; when one is absent the capture was
 *   trimmed (or is not a live configz), and the value is the kubelet's default for that version, said so.
 * Defaults per version come from lib/domain/kubelet-fields.ts (SetDefaults_KubeletConfiguration,
 * pkg/kubelet/apis/config/v1beta1/defaults.go, with the changes between minors, e.g. eventRecordQPS 5 → 50 in
 * v1.27). Note the flag defaults differ (cmd/kubelet/app/options/options.go applyLegacyDefaults: anonymous auth
 * on, AlwaysAllow, read-only port 10255 for a kubelet run without --config), which is why a live configz is
 * the only honest source: it shows what the kubelet resolved, whichever way it was configured.
 */
export interface Effective {
  /** undefined when an absent value cannot be resolved (see `ambiguous`) */
  value: unknown;
  source: Exclude<ValueSource, 'not-in-configz'>;
  /** how an absent value was resolved; '' when configz carried it */
  note: string;
  /** absent, and the default depends on whether the kubelet was configured by file or by flags */
  ambiguous?: { configFile: unknown; flags: unknown };
}

/**
 * Defaults a kubelet started without --config gets from its flags (cmd/kubelet/app/options/options.go,
 * applyLegacyDefaults), where they differ from the config-file defaults (v1beta1 defaults.go).
 */
const FLAG_DEFAULTS: Readonly<Record<string, unknown>> = {
  'authentication.anonymous.enabled': true,
  'authentication.webhook.enabled': false,
  'authorization.mode': 'AlwaysAllow',
  readOnlyPort: 10255,
};

/**
 * Fields whose zero value no running kubelet has: the config-file defaulter replaces it and the flag default
 * is non-empty (authorization.mode: Webhook from the file, AlwaysAllow from flags; BuildAuthz rejects "").
 * Absent from a configz, they mean a trimmed capture, not the zero value.
 */
const NEVER_ZERO = new Set(['authorization.mode']);

function zeroOf(goType: string, kind: string): unknown {
  if (kind === 'list') return [];
  if (kind === 'map') return {};
  if (/bool$/.test(goType)) return false;
  if (/^(u?int\d*|float\d*)$/.test(goType)) return 0;
  return '';
}

/** Whether configz leaves the field out when it holds its zero value (a non-pointer scalar, slice or map). */
function omittedWhenZero(path: string): boolean {
  const f = kubeletField(path);
  if (!f || NEVER_ZERO.has(path)) return false;
  if (f.kind === 'list' || f.kind === 'map') return true;
  return !f.goType.startsWith('*') && (f.kind === 'bool' || f.kind === 'int' || f.kind === 'string');
}

/** The effective value of `path` (dotted, e.g. "authentication.anonymous.enabled") on this node. */
export function effective(ctx: CheckContext, path: string): Effective {
  const value = getAtPath(ctx.config, path.split('.'));
  if (value !== undefined && value !== null) return { value, source: 'configz', note: '' };
  const f = kubeletField(path);
  if (f && omittedWhenZero(path)) {
    return {
      value: zeroOf(f.goType, f.kind),
      source: 'zero',
      note: `absent from configz, which leaves out zero values (Go omitempty): ${path} is ${describeZero(f.kind, f.goType)}`,
    };
  }
  const d = defaultFor(path, ctx.minor);
  const version = `v1.${ctx.minor}${ctx.minorSource === 'node' ? '' : ' (assumed)'}`;
  if (path in FLAG_DEFAULTS && FLAG_DEFAULTS[path] !== d.value) {
    const flags = FLAG_DEFAULTS[path];
    return {
      value: undefined,
      source: 'default',
      note: `absent from this configz although a running kubelet always reports it (a trimmed capture?), and its default depends on how the kubelet is configured: ${formatValue(d.value)} with a config file, ${formatValue(flags)} from flags alone`,
      ambiguous: { configFile: d.value, flags },
    };
  }
  return {
    value: d.value ?? undefined,
    source: 'default',
    note: `absent from this configz although a running kubelet always reports it (a trimmed capture?); taken as the ${version} default`,
  };
}

function describeZero(kind: string, goType: string): string {
  if (kind === 'list') return 'empty';
  if (kind === 'map') return 'empty';
  if (/bool$/.test(goType)) return 'false';
  if (kind === 'int') return '0';
  return 'not set';
}

/** Display text of a configz value: "true", "10255", "Webhook", "a, b", "not set" for "" and empty lists. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'not set';
  if (Array.isArray(value)) return value.length === 0 ? 'not set' : value.map((v) => formatValue(v)).join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? 'not set' : entries.map(([k, v]) => `${k}=${formatValue(v)}`).join(', ');
  }
  return String(value);
}

/**
 * The kubelet minor whose defaults apply: the Node's status.nodeInfo.kubeletVersion, else a lower bound from the
 * fields configz carries (lib/domain/kubelet-version.ts), else the newest minor we have facts for.
 */
export function resolveMinor(
  version: string | undefined,
  config: Record<string, unknown>,
): { minor: number; minorSource: CheckContext['minorSource'] } {
  const fromNode = parseMinor(version);
  if (fromNode !== undefined) return { minor: fromNode, minorSource: 'node' };
  const fromConfig = minimumMinorFromConfig(config);
  if (fromConfig !== undefined) return { minor: fromConfig, minorSource: 'config' };
  return { minor: REFERENCE_MINOR, minorSource: 'assumed' };
}
