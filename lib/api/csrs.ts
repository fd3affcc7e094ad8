import { z } from 'zod';
import { StaleFields } from './freshness';

/**
 * Wire contracts of the CSR review API (route handlers ↔ browser). Browser-safe: zod only.
 * The PKCS#10 decoding and the checks run on the server; the browser only renders their results.
 */

/** CSR names are DNS-1123 subdomains (kubelets generate `csr-xxxxx`); checked before any request is built. */
export const CsrNameSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, 'not a valid CSR name');

const CsrCheckSchema = z.object({ id: z.string(), label: z.string(), passed: z.boolean(), reason: z.string() });
export type CsrCheckResult = z.infer<typeof CsrCheckSchema>;

const CsrStateSchema = z.enum(['Pending', 'Approved', 'Denied', 'Failed']);

const SignerFamilySchema = z.enum(['kubelet-serving', 'kubelet-client', 'other']);

const DeciderSchema = z.object({
  kind: z.enum([
    'kubectl',
    'dashboard',
    'csrapproving',
    'eks',
    'gke',
    'kubelet-csr-approver',
    'kubelet-serving-cert-approver',
    'machine-approver',
    'unknown',
  ]),
  label: z.string(),
  /** what in the CSR names the approver (condition reason/message, signer, field manager) */
  evidence: z.string(),
  identity: z.string().nullable(),
  decision: z.enum(['Approved', 'Denied']),
  reason: z.string(),
  message: z.string(),
  at: z.string().nullable(),
});

const CsrRowSchema = z.object({
  name: z.string(),
  resourceVersion: z.string(),
  createdAt: z.string().nullable(),
  signerName: z.string(),
  family: SignerFamilySchema,
  username: z.string(),
  groups: z.array(z.string()),
  /** the node the request claims to be for */
  nodeName: z.string().nullable(),
  usages: z.array(z.string()),
  expirationSeconds: z.number().nullable(),
  state: CsrStateSchema,
  /** as `kubectl get csr` prints it: Pending, Approved,Issued, Denied, Approved,Failed */
  stateLabel: z.string(),
  issued: z.boolean(),
  decider: DeciderSchema.nullable(),
  checksPassed: z.number().int(),
  checksTotal: z.number().int(),
  failingChecks: z.array(CsrCheckSchema),
  allPassed: z.boolean(),
  bulkEligible: z.boolean(),
  needsExtraConfirmation: z.boolean(),
  /** what is wrong with the issued certificate: expired, or a lifetime other than the one requested */
  certificateFindings: z.array(
    z.object({
      id: z.enum(['expired', 'not-yet-valid', 'shorter-than-requested', 'longer-than-requested']),
      severity: z.enum(['danger', 'warning']),
      text: z.string(),
    }),
  ),
});
export type CsrRow = z.infer<typeof CsrRowSchema>;

const PermissionSchema = z.object({ allowed: z.boolean(), reason: z.string() });
export type Permission = z.infer<typeof PermissionSchema>;

/** SelfSubjectAccessReview results: `update certificatesigningrequests/approval`, and `approve signers/<name>` per signer. */
const CsrPermissionsSchema = z.object({
  identity: z.string(),
  updateApproval: PermissionSchema,
  signers: z.record(z.string(), PermissionSchema),
});
export type CsrPermissions = z.infer<typeof CsrPermissionsSchema>;

const FloodSchema = z.object({ flood: z.boolean(), threshold: z.number(), message: z.string() });

export const CsrListResponseSchema = z.object({
  items: z.array(CsrRowSchema),
  context: z.string(),
  /** ISO time of the list (while stale: of the last list that succeeded) */
  fetchedAt: z.string(),
  /** the list is the last good one: the API server is failing since `staleSince`, with `error` */
  ...StaleFields,
  nodeCount: z.number().int(),
  pendingCount: z.number().int(),
  flood: FloodSchema,
  permissions: CsrPermissionsSchema,
});
export type CsrListResponse = z.infer<typeof CsrListResponseSchema>;

const DecodedRequestSchema = z.object({
  subject: z.string(),
  commonName: z.string().nullable(),
  commonNames: z.array(z.string()),
  organizations: z.array(z.string()),
  dnsNames: z.array(z.string()),
  ipAddresses: z.array(z.string()),
  emailAddresses: z.array(z.string()),
  uris: z.array(z.string()),
  otherSans: z.array(z.string()),
  keyAlgorithm: z.string(),
  keySizeBits: z.number().nullable(),
  curve: z.string().nullable(),
  signatureAlgorithm: z.string(),
  signatureValid: z.boolean(),
});

const DecodedCertificateSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  dnsNames: z.array(z.string()),
  ipAddresses: z.array(z.string()),
});

const CsrConditionSchema = z.object({
  type: z.string(),
  status: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastUpdateTime: z.string().optional(),
});

const CsrDetailSchema = CsrRowSchema.extend({
  checks: z.array(CsrCheckSchema),
  request: DecodedRequestSchema.nullable(),
  requestError: z.string().nullable(),
  certificate: DecodedCertificateSchema.nullable(),
  certificateError: z.string().nullable(),
  conditions: z.array(CsrConditionSchema),
});
export type CsrDetail = z.infer<typeof CsrDetailSchema>;

export const CsrDetailResponseSchema = z.object({
  csr: CsrDetailSchema,
  context: z.string(),
  permissions: CsrPermissionsSchema,
});
export type CsrDetailResponse = z.infer<typeof CsrDetailResponseSchema>;

const ResourceVersionSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z._-]+$/, 'not a resourceVersion');

/** POST /api/csrs/[name]/approve: the resourceVersion the user reviewed, so a changed CSR is a 409. */
export const ApproveBodySchema = z.object({
  resourceVersion: ResourceVersionSchema,
  /** required for signers the dashboard cannot judge (not the kubelet's two) */
  confirmOtherSigner: z.boolean().optional(),
  /**
   * The override of a failing CSR: the ids of exactly the checks the user saw failing and confirmed by typing the
   * CSR's name. Approval goes ahead only if the re-check fails exactly these checks (lib/server/csr-decide.ts).
   */
  overrideFailingChecks: z.array(z.string().min(1).max(100)).min(1).max(50).optional(),
});

/** POST /api/csrs/[name]/deny: the reason is required and recorded in the condition's message. */
export const DenyBodySchema = z.object({
  resourceVersion: ResourceVersionSchema,
  reason: z.string().trim().min(3, 'say why you deny it').max(500),
});

export const DecisionResultSchema = z.object({
  name: z.string(),
  decision: z.enum(['Approved', 'Denied']),
  resourceVersion: z.string(),
  message: z.string(),
});
export type DecisionResult = z.infer<typeof DecisionResultSchema>;

/** POST /api/csrs/bulk-approve: exactly the previewed CSRs, each with the resourceVersion shown in the preview. */
export const BulkApproveBodySchema = z.object({
  items: z
    .array(z.object({ name: CsrNameSchema, resourceVersion: ResourceVersionSchema }))
    .min(1)
    .max(5000),
});

/** POST /api/csrs/bulk-deny: the previewed failing CSRs and one reason, recorded in each condition's message. */
export const BulkDenyBodySchema = BulkApproveBodySchema.extend({
  reason: z.string().trim().min(3, 'say why you deny them').max(500),
});

const BulkItemResultSchema = z.object({
  name: z.string(),
  outcome: z.enum(['approved', 'denied', 'refused', 'failed']),
  code: z.number().int().nullable(),
  message: z.string(),
});
export type BulkItemResult = z.infer<typeof BulkItemResultSchema>;

/** The answer of bulk-approve and bulk-deny: one result per CSR (`denied` counts only for bulk-deny). */
export const BulkApproveResponseSchema = z.object({
  results: z.array(BulkItemResultSchema),
  approved: z.number().int(),
  denied: z.number().int(),
  refused: z.number().int(),
  failed: z.number().int(),
});
export type BulkApproveResponse = z.infer<typeof BulkApproveResponseSchema>;

/** One server-sent event from GET /api/csrs/events. */
export const CsrEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['ADDED', 'MODIFIED']), row: CsrRowSchema }),
  z.object({ type: z.literal('DELETED'), name: z.string() }),
]);
export type CsrEvent = z.infer<typeof CsrEventSchema>;

/** The `resync` event's body from GET /api/csrs/events (lib/server/csr-events.ts): why the watch ended. */
export const ResyncSchema = z.object({ reason: z.string() });
