/**
 * What a failed kubelet read through the API server's node proxy (`/api/v1/nodes/<n>/proxy/<endpoint>`) means,
 * naming the component that actually failed. Pure: lib/k8s/errors.ts maps HTTP answers to AppErrors with these.
 *
 * Who answers what on that path:
 * - the API server answers with a meta/v1 Status (JSON) when *it* refuses (RBAC on nodes/proxy, unknown node) or
 *   cannot dial the kubelet (503 "error trying to reach service");
 * - anything else is the kubelet's own answer relayed verbatim: its authorizer's plain-text 403
 *   `Forbidden (user=…, verb=…, resource=nodes, subresource=…)` (pkg/kubelet/server/auth.go), or go-restful's
 *   `404 page not found` for a path it does not serve.
 */

/** Who the kubelet says it refused: `Forbidden (user=system:kube-apiserver, verb=get, resource=nodes, subresource=proxy)`. */
export interface KubeletForbidden {
  user?: string;
  verb?: string;
  resource?: string;
  subresource?: string;
}

/** Parses the kubelet authorizer's 403 text; undefined when the body is not in that shape. */
export function parseKubeletForbidden(body: string): KubeletForbidden | undefined {
  const m = /Forbidden \(([^)]*)\)/.exec(body);
  if (!m?.[1]) return undefined;
  const out: KubeletForbidden = {};
  for (const part of m[1].split(',')) {
    const [k, ...rest] = part.split('=');
    const key = k?.trim();
    const value = rest.join('=').trim();
    if (!value) continue;
    if (key === 'user') out.user = value;
    else if (key === 'verb') out.verb = value;
    else if (key === 'resource') out.resource = value;
    else if (key === 'subresource') out.subresource = value;
  }
  return out;
}

/**
 * Hint for the kubelet's own 403. The kubelet authorizes every request with its `authorization.mode` (Webhook
 * on kubeadm, EKS, GKE, AKS: a SubjectAccessReview sent to the API server); here the subject is the API
 * server's kubelet-client identity (the CN of kube-apiserver's --kubelet-client-certificate), never the
 * dashboard's user, whose own RBAC on nodes/proxy already passed.
 */
export function kubeletForbiddenHint(f: KubeletForbidden | undefined): string {
  const user = f?.user;
  const who = user
    ? `the API server's kubelet-client identity "${user}"`
    : "the API server's kubelet-client identity (the CN of kube-apiserver's --kubelet-client-certificate)";
  const sub = f?.subresource ? `${f.resource ?? 'nodes'}/${f.subresource}` : 'nodes/proxy';
  const verb = f?.verb ?? 'get';
  const bind = user
    ? ` For example: kubectl create clusterrolebinding ${user.replace(/[^a-z0-9.-]/gi, '-')}-kubelet-api --clusterrole=system:kubelet-api-admin --user=${user}`
    : '';
  return (
    `Your own access passed: the kubelet's webhook authorization refused ${who}. The kubelet asks the API server ` +
    `(SubjectAccessReview) whether that user may "${verb} ${sub}"; grant it, e.g. by binding ClusterRole ` +
    `system:kubelet-api-admin to that user.${bind}`
  );
}

/** Hint for a plain-text 404 (or 405 "Debug endpoints are disabled.") from the kubelet for an endpoint. */
export function kubeletMissingEndpointHint(endpoint: string): string {
  if (endpoint === 'configz')
    return (
      'The node exists and its kubelet answered, but it does not serve /configz: the kubelet registers /configz ' +
      'with its debugging handlers (pkg/kubelet/server/server.go), so enableDebuggingHandlers: false (or ' +
      '--enable-debugging-handlers=false) turns it off; some old or vendor kubelets never served it. The budget ' +
      "and eviction panels fall back to what the Node object says; the rest needs the node's config file."
    );
  return `The node exists and its kubelet answered, but it does not serve /${endpoint} (an old or vendor kubelet).`;
}

/** The kubelet's own "not here" answers: go-restful's 404 text and the debugging-disabled 405. */
export function isKubeletMissingEndpoint(status: number, body: string): boolean {
  const text = body.trim();
  return (
    (status === 404 && /^404 page not found$/i.test(text)) ||
    (status === 405 && /Debug endpoints are disabled/i.test(text))
  );
}

/**
 * Hint for our own deadline expiring on a kubelet read. The request went through the API server, which relays
 * it to the kubelet on port 10250 and waits for the kubelet's answer: a kubelet that is busy (large stats
 * summaries, housekeeping), hung, or slow to reach from the control plane is the usual cause. The API server
 * itself answers the other panels (Node object, pods) directly.
 */
export function kubeletTimeoutHint(node: string, ms: number): string {
  return (
    `The kubelet on node "${node}" did not answer within ${ms} ms. The API server relays this request to the ` +
    'kubelet (port 10250) and waits for it, so a slow or hung kubelet, or a slow path from the control plane to ' +
    'the node, is the usual cause; panels read from the API server alone are unaffected. KD_KUBELET_TIMEOUT_MS ' +
    'raises the deadline.'
  );
}
