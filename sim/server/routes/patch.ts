/**
 * PATCH bodies: JSON merge patch (RFC 7386) and strategic merge patch, which for the maps and scalars
 * kubectl annotate/label/patch touch on a CSR behaves the same. JSON patch and apply are not served.
 */
import type { KubeObject } from '../../fleet/types';
import { StatusError } from '../status';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue; // strategic-merge directives ($patch, $retainKeys) ignored
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export function applyPatch(current: KubeObject, patch: unknown, contentType: string): unknown {
  const type = contentType.split(';')[0]?.trim() ?? '';
  if (type !== 'application/merge-patch+json' && type !== 'application/strategic-merge-patch+json')
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/merge-patch+json, application/strategic-merge-patch+json`,
    );
  return mergePatch(JSON.parse(JSON.stringify(current)) as Json, patch);
}
