import { flattenConfig } from './config-paths';
import { isGoZero, LEGACY_DEFAULTS, provenanceDefaults } from './defaults';
import { convertFlagValue, foldFlagValue, FlagValueError } from './flag-values';
import type { FlagOccurrence } from './kubelet-flags-parse';
import type { FieldSource } from './source';

/** One config file the kubelet loads (the --config file, then --config-dir drop-ins in name order). */
export interface ConfigLayer {
  readonly source: Extract<FieldSource, { kind: 'config-file' | 'configmap' }>;
  readonly config: Record<string, unknown>;
}

export interface PredictedField {
  readonly path: string;
  readonly value: unknown;
  readonly source: FieldSource;
  /** earlier values this one replaced, oldest first (default → file → flag) */
  readonly overridden: ReadonlyArray<{ readonly value: unknown; readonly source: FieldSource }>;
}

interface FlagProblem {
  readonly occurrence: FlagOccurrence;
  readonly message: string;
}

export interface Prediction {
  readonly fields: Map<string, PredictedField>;
  /** flags whose value the kubelet would reject */
  readonly flagProblems: FlagProblem[];
}

/** The kubelet's --cert-dir default (cmd/kubelet/app/options/options.go). */
const DEFAULT_CERT_DIR = '/var/lib/kubelet/pki';

/**
 * cmd/kubelet/app/server.go InitializeTLS: without serverTLSBootstrap and with neither tlsCertFile nor
 * tlsPrivateKeyFile set, the kubelet points both at a self-signed pair in --cert-dir (writing it if missing), and
 * configz then reports those paths. They come from no pasted file, so they are a source of their own.
 */
function deriveServingCertificate(
  fields: ReadonlyMap<string, PredictedField>,
  occurrences: readonly FlagOccurrence[],
  set: (path: string, value: unknown, source: FieldSource) => void,
): void {
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  if (fields.get('serverTLSBootstrap')?.value === true) return;
  if (!empty(fields.get('tlsCertFile')?.value) || !empty(fields.get('tlsPrivateKeyFile')?.value)) return;
  const certDirFlag = [...occurrences].reverse().find((o) => o.name === 'cert-dir');
  const dir = (certDirFlag?.value ?? DEFAULT_CERT_DIR).replace(/\/+$/, '') || '/';
  const from = certDirFlag ? `--cert-dir=${certDirFlag.value}` : `the --cert-dir default (${DEFAULT_CERT_DIR})`;
  const rule =
    'no serving certificate is configured (tlsCertFile, tlsPrivateKeyFile empty, serverTLSBootstrap off), so the kubelet uses a self-signed pair it writes there';
  set('tlsCertFile', `${dir}/kubelet.crt`, { kind: 'derived', rule, from });
  set('tlsPrivateKeyFile', `${dir}/kubelet.key`, { kind: 'derived', rule, from });
}

/**
 * Predicted effective configuration: defaults for the node's version ← config file layers ← flags, each field
 * labelled with the layer that set it last. This is the kubelet's own order (cmd/kubelet/app/server.go:
 * defaults, then `loadConfigFile`, then `kubeletConfigFlagPrecedence` re-applies the command line), with two
 * upstream special cases: feature gates from flags merge key by key into the file's gates, and an unset
 * nodeStatusReportFrequency follows an explicitly set nodeStatusUpdateFrequency (defaults.go).
 */
export function predictConfig(input: {
  minor: number;
  versionLabel: string;
  /** whether the command line has --config (false → legacy defaults apply) */
  hasConfigFlag: boolean;
  layers: readonly ConfigLayer[];
  occurrences: readonly FlagOccurrence[];
}): Prediction {
  const fields = new Map<string, PredictedField>();
  const set = (path: string, value: unknown, source: FieldSource) => {
    const prev = fields.get(path);
    fields.set(path, {
      path,
      value,
      source,
      overridden: prev ? [...prev.overridden, { value: prev.value, source: prev.source }] : [],
    });
  };
  const defaultSource: FieldSource = { kind: 'default', version: input.versionLabel };
  const defaults = provenanceDefaults(input.minor);
  for (const [path, value] of defaults.values) set(path, value, defaultSource);
  if (!input.hasConfigFlag) for (const [path, value] of LEGACY_DEFAULTS) set(path, value, { kind: 'legacy-default' });

  const explicit = new Set<string>();
  for (const layer of input.layers) {
    for (const [path, value] of flattenConfig(layer.config)) {
      if (defaults.zeroDefaulted.has(path) && isGoZero(value) && !explicit.has(path)) continue; // defaulting fills Go zero values
      set(path, value, layer.source);
      explicit.add(path);
    }
  }

  const flagProblems: FlagProblem[] = [];
  const perField = new Map<string, { value: unknown; occ: FlagOccurrence[] }>();
  for (const occ of input.occurrences) {
    if (occ.info.type !== 'config') continue;
    const def = occ.info.def;
    let value: unknown;
    try {
      value = convertFlagValue(def.kind, occ.value);
    } catch (err) {
      if (err instanceof FlagValueError) {
        flagProblems.push({ occurrence: occ, message: err.message });
        continue;
      }
      throw err;
    }
    const acc = perField.get(def.field);
    perField.set(def.field, {
      value: foldFlagValue(def.kind, acc?.value, value),
      occ: [...(acc?.occ ?? []), occ],
    });
  }
  for (const [path, { value, occ }] of perField) {
    const last = occ[occ.length - 1] as FlagOccurrence;
    let finalValue = value;
    if (path === 'featureGates') {
      const fromFile =
        fields.get(path)?.source.kind === 'default'
          ? {}
          : (fields.get(path)?.value as Record<string, boolean> | undefined);
      finalValue = { ...(fromFile ?? {}), ...(value as Record<string, boolean>) };
    }
    set(path, finalValue, {
      kind: 'flag',
      flag: last.name,
      written: last.written,
      count: occ.length,
      ...(last.origin ? { origin: last.origin } : {}),
    });
    explicit.add(path);
  }

  if (explicit.has('nodeStatusUpdateFrequency') && !explicit.has('nodeStatusReportFrequency')) {
    const update = fields.get('nodeStatusUpdateFrequency');
    if (update) {
      set('nodeStatusReportFrequency', update.value, {
        kind: 'default',
        version: input.versionLabel,
        note: 'follows nodeStatusUpdateFrequency when unset',
      });
    }
  }
  deriveServingCertificate(fields, input.occurrences, set);
  const parallel = fields.get('maxParallelImagePulls')?.value;
  if (!explicit.has('serializeImagePulls') && typeof parallel === 'number' && parallel > 1) {
    set('serializeImagePulls', false, {
      kind: 'default',
      version: input.versionLabel,
      note: 'false when maxParallelImagePulls > 1',
    });
  }
  return { fields, flagProblems };
}
