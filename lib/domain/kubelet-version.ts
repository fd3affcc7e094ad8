/**
 * Kubelet versions as reported in Node `status.nodeInfo.kubeletVersion` ("v1.33.2", "v1.30.13-eks-1234abc",
 * "v1.31.9-aliyun.1", "v1.32.4-gke.1415000"). Only major.minor decides which fields and defaults apply.
 */
export interface KubeletVersion {
  major: number;
  minor: number;
  patch: number;
  /** the text it was read from */
  raw: string;
}

const VERSION_RE = /^v?(\d+)\.(\d+)(?:\.(\d+))?/;

/** Parses a kubelet version, ignoring distribution suffixes; undefined when there is no major.minor. */
export function parseKubeletVersion(text: string | undefined | null): KubeletVersion | undefined {
  const m = VERSION_RE.exec((text ?? '').trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), raw: text ?? '' };
}

/** Minor version (1.x) as a number; non-1.x majors sort after every 1.x. */
export const minorOf = (v: KubeletVersion): number => (v.major === 1 ? v.minor : 1000 + v.minor);

/**
 * Lower bound on the kubelet minor version from the fields configz carries (a field appears in configz only if
 * the kubelet knows it). Used when the Node's version is unknown. Rules from kubelet-flags-deprecations.md:
 * containerRuntimeEndpoint → ≥1.27, failCgroupV1 → ≥1.31, crashLoopBackOff → ≥1.32, mergeDefaultEvictionSettings → ≥1.33.
 */
export function minimumMinorFromConfig(config: Record<string, unknown>): number | undefined {
  const hints: Array<[string, number]> = [
    ['tlsCurvePreferences', 36],
    ['memoryReservationPolicy', 36],
    ['mergeDefaultEvictionSettings', 33],
    ['imagePullCredentialsVerificationPolicy', 33],
    ['crashLoopBackOff', 32],
    ['failCgroupV1', 31],
    ['podLogsDir', 30],
    ['containerLogMaxWorkers', 30],
    ['imageMaximumGCAge', 29],
    ['containerRuntimeEndpoint', 27],
  ];
  for (const [field, minor] of hints) if (field in config) return minor;
  return undefined;
}
