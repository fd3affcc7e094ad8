/**
 * Derives authorization attributes from a request the way the apiserver's RequestInfoFactory does:
 * `/api/v1/namespaces/ns/pods/name/sub`, `/apis/group/version/resource/name/sub/extra…`; verb from the
 * method, `get` without a name becomes `list`, `?watch=true` becomes `watch`.
 */
export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  verb: string;
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  name: string;
  subresource: string;
  /** path segments after the subresource (node proxy path) */
  rest: string[];
}

const METHOD_VERBS: Record<string, string> = {
  GET: 'get',
  HEAD: 'get',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

export function requestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const verb = METHOD_VERBS[method] ?? method.toLowerCase();
  const info: RequestInfo = {
    isResourceRequest: false,
    path,
    verb,
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    name: '',
    subresource: '',
    rest: [],
  };
  const parts = path
    .split('/')
    .filter((p) => p.length > 0)
    .map(decodeURIComponent);
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    info.apiVersion = parts[1] ?? '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    info.apiGroup = parts[1] ?? '';
    info.apiVersion = parts[2] ?? '';
    rest = parts.slice(3);
  } else {
    info.verb = verb === 'create' ? 'post' : verb === 'update' ? 'put' : verb;
    return info;
  }
  info.isResourceRequest = true;
  if (rest[0] === 'namespaces' && rest.length > 1) {
    info.namespace = rest[1] ?? '';
    if (rest.length > 2) rest = rest.slice(2);
  }
  info.resource = rest[0] ?? '';
  info.name = rest[1] ?? '';
  info.subresource = rest[2] ?? '';
  info.rest = rest.slice(3);
  if (info.resource === 'namespaces' && info.name) info.namespace = '';
  const watching = query.get('watch') === 'true' || query.get('watch') === '1';
  if (info.verb === 'get' && !info.name) info.verb = watching ? 'watch' : 'list';
  else if (info.verb === 'get' && watching) info.verb = 'watch';
  if (info.verb === 'delete' && !info.name) info.verb = 'deletecollection';
  return info;
}
