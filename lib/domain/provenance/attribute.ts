import { flattenConfig } from './config-paths';
import { isGoZero } from './defaults';
import type { PredictedField } from './predict';
import type { FieldSource } from './source';
import { configValuesEqual } from './values-equal';

export type Attribution =
  /** live value equals the prediction: explained by `source` */
  | {
      readonly status: 'explained';
      readonly path: string;
      readonly live: unknown;
      readonly source: FieldSource;
      readonly overridden: PredictedField['overridden'];
    }
  /** live value differs from the prediction: drift the pasted files do not account for */
  | {
      readonly status: 'unexplained';
      readonly path: string;
      readonly live: unknown;
      readonly predicted: unknown;
      readonly source: FieldSource;
    }
  /** live has a value, nothing pasted or defaulted predicts one */
  | {
      readonly status: 'unexplained';
      readonly path: string;
      readonly live: unknown;
      readonly predicted?: undefined;
      readonly source?: undefined;
    }
  /** predicted but absent from live configz (field unknown to this kubelet, or omitted as empty) */
  | { readonly status: 'not-live'; readonly path: string; readonly predicted: unknown; readonly source: FieldSource };

/**
 * Diff of the prediction against the node's live configz (`{"kubeletconfig": {...}}` unwrapped): every live
 * field is either explained by the layer that predicted its exact value, or flagged unexplained. Paths are
 * sorted so the table is stable.
 */
export function attribute(
  predicted: ReadonlyMap<string, PredictedField>,
  liveConfig: Record<string, unknown>,
): Attribution[] {
  const live = flattenConfig(liveConfig);
  const out: Attribution[] = [];
  const paths = [...new Set([...live.keys(), ...predicted.keys()])].sort();
  for (const path of paths) {
    const l = live.get(path);
    const p = predicted.get(path);
    if (l === undefined) {
      // configz omits zero values (omitempty), so a predicted 0/false/"" that is absent is no difference
      if (p && !configValuesEqual(p.value, undefined) && !isGoZero(p.value))
        out.push({ status: 'not-live', path, predicted: p.value, source: p.source });
      continue;
    }
    if (!p) {
      out.push({ status: 'unexplained', path, live: l });
    } else if (configValuesEqual(p.value, l)) {
      out.push({ status: 'explained', path, live: l, source: p.source, overridden: p.overridden });
    } else {
      out.push({ status: 'unexplained', path, live: l, predicted: p.value, source: p.source });
    }
  }
  return out;
}
