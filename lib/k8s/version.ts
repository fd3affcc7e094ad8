import 'server-only';
import { z } from 'zod';
import type { Kube } from './client';
import { apiRequestOptions, getJson } from './transport';

/** version.Info (k8s.io/apimachinery/pkg/version/types.go): only gitVersion is read; older servers omit newer fields. */
const VersionInfoSchema = z.looseObject({ gitVersion: z.string() });

/**
 * The control plane's version (`GET /version`, what `kubectl version` prints as Server Version). Also the
 * cheapest authenticated round trip: a wrong token gets 401 here, as on any path.
 */
export async function serverVersion(kube: Kube, signal?: AbortSignal): Promise<string> {
  const info = await getJson(
    kube,
    '/version',
    VersionInfoSchema,
    { kind: 'api', verb: 'get', resource: 'version' },
    apiRequestOptions(signal),
  );
  return info.gitVersion;
}
