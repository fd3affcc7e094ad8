/**
 * The sim's RBAC: users, their rules, and the one `authorize` both request enforcement and
 * SelfSubject{Access,Rules}Review use. Rules have RBAC PolicyRule semantics (`*` wildcards,
 * `resource/subresource`, resourceNames); `namespaces` scopes a rule like a RoleBinding would.
 */
import type { RequestInfo } from './request-info';

export interface User {
  name: string;
  groups: string[];
  /** extra rules for this user (startSim `users`): tests bind a role read from YAML to a user of their own */
  rules?: Rule[];
}

export interface Rule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  /** only in these namespaces (a Role bound by a RoleBinding); absent = cluster-wide */
  namespaces?: string[];
  nonResourceURLs?: string[];
}

export type Attributes = Pick<
  RequestInfo,
  'isResourceRequest' | 'path' | 'verb' | 'apiGroup' | 'namespace' | 'resource' | 'name' | 'subresource'
>;

export interface Decision {
  allowed: boolean;
  reason: string;
}

export const ADMIN: User = { name: 'sim-admin', groups: ['system:masters', 'system:authenticated'] };
export const VIEWER: User = { name: 'sim-viewer', groups: ['system:authenticated'] };

/** system:discovery, system:public-info-viewer and system:basic-user, bound to every authenticated user. */
const AUTHENTICATED_RULES: Rule[] = [
  {
    verbs: ['get'],
    nonResourceURLs: [
      '/api',
      '/api/*',
      '/apis',
      '/apis/*',
      '/healthz',
      '/livez',
      '/readyz',
      '/version',
      '/version/',
      '/openapi',
      '/openapi/*',
    ],
  },
  {
    verbs: ['create'],
    apiGroups: ['authorization.k8s.io'],
    resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
  },
  { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
];

/** What a read-only node/CSR operator may do. */
const VIEWER_RULES: Rule[] = [
  { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['nodes'] },
  { verbs: ['get'], apiGroups: [''], resources: ['nodes/proxy'] },
  { verbs: ['get', 'list'], apiGroups: ['metrics.k8s.io'], resources: ['nodes', 'pods'] },
  { verbs: ['list', 'watch'], apiGroups: [''], resources: ['pods'] },
  { verbs: ['get', 'list', 'watch'], apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'] },
  { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], namespaces: ['kube-system'] },
];

const MASTERS_RULES: Rule[] = [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
  { verbs: ['*'], nonResourceURLs: ['*'] },
];

export function rulesFor(user: User): Rule[] {
  const rules = [...AUTHENTICATED_RULES];
  if (user.groups.includes('system:masters')) rules.push(...MASTERS_RULES);
  if (user.name === VIEWER.name) rules.push(...VIEWER_RULES);
  if (user.rules) rules.push(...user.rules);
  return rules;
}

const has = (list: readonly string[] | undefined, v: string) =>
  list !== undefined && (list.includes('*') || list.includes(v));

function resourceMatches(rule: Rule, resource: string, subresource: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return (rule.resources ?? []).some(
    (r) =>
      r === '*' ||
      r === combined ||
      (!subresource && r === resource) ||
      (subresource !== '' && r === `*/${subresource}`),
  );
}

function pathMatches(patterns: readonly string[], path: string): boolean {
  return patterns.some((p) => p === '*' || p === path || (p.endsWith('*') && path.startsWith(p.slice(0, -1))));
}

function ruleAllows(rule: Rule, a: Attributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (!a.isResourceRequest) return rule.nonResourceURLs !== undefined && pathMatches(rule.nonResourceURLs, a.path);
  if (rule.nonResourceURLs) return false;
  if (!has(rule.apiGroups, a.apiGroup) || !resourceMatches(rule, a.resource, a.subresource)) return false;
  if (rule.resourceNames && rule.resourceNames.length > 0 && !rule.resourceNames.includes(a.name)) return false;
  if (rule.namespaces && !rule.namespaces.includes(a.namespace)) return false;
  return true;
}

export function authorize(user: User, a: Attributes): Decision {
  if (user.groups.includes('system:masters')) return { allowed: true, reason: '' };
  const allowed = rulesFor(user).some((r) => ruleAllows(r, a));
  return {
    allowed,
    reason: allowed
      ? `RBAC: allowed by ClusterRoleBinding "${user.name}" of ClusterRole "${user.name}" to User "${user.name}"`
      : '',
  };
}

/** The message responsewriters.forbiddenMessage builds. */
export function forbiddenMessage(user: User, a: Attributes): string {
  if (!a.isResourceRequest) return `User "${user.name}" cannot ${a.verb} path "${a.path}"`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  if (a.namespace)
    return `User "${user.name}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" in the namespace "${a.namespace}"`;
  return `User "${user.name}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" at the cluster scope`;
}

/**
 * The CSR approval admission plugin (plugin/pkg/admission/certificates/approval): approving or denying
 * needs `approve` on `signers` named after the signer, or on "<domain>/*".
 */
export function mayApproveSigner(user: User, signerName: string): boolean {
  const base = {
    isResourceRequest: true,
    path: '',
    verb: 'approve',
    apiGroup: 'certificates.k8s.io',
    namespace: '',
    resource: 'signers',
    subresource: '',
  };
  const domain = signerName.split('/')[0] ?? '';
  return (
    authorize(user, { ...base, name: signerName }).allowed || authorize(user, { ...base, name: `${domain}/*` }).allowed
  );
}
