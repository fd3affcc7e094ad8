/**
 * CertificateSigningRequest bodies (zod) and the apiserver's validation rules
 * (pkg/apis/certificates/validation): PEM request, signerName, usages, expirationSeconds on create;
 * on approval updates Approved/Denied are exclusive, unique, "True", and never removed.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { z, type ZodError } from 'zod';
import { invalid, type FieldError, type StatusError } from './status';

const ConditionSchema = z.looseObject({
  type: z.string().min(1),
  status: z.string().default('True'),
  reason: z.string().optional(),
  message: z.string().optional(),
  // Go clients send unset metav1.Time as null
  lastUpdateTime: z.string().nullish(),
  lastTransitionTime: z.string().nullish(),
});
export type CsrCondition = z.infer<typeof ConditionSchema>;

const MetaSchema = z.looseObject({
  name: z.string().optional(),
  generateName: z.string().optional(),
  resourceVersion: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

export const CsrBodySchema = z.looseObject({
  apiVersion: z.literal('certificates.k8s.io/v1'),
  kind: z.literal('CertificateSigningRequest'),
  metadata: MetaSchema,
  spec: z.looseObject({
    request: z.string(),
    signerName: z.string().optional(),
    usages: z.array(z.string()).optional(),
    expirationSeconds: z.number().int().optional(),
  }),
  status: z
    .looseObject({ conditions: z.array(ConditionSchema).optional(), certificate: z.string().optional() })
    .optional(),
});
export type CsrBody = z.infer<typeof CsrBodySchema>;

const KIND = 'CertificateSigningRequest';
const GROUP = 'certificates.k8s.io';

const KNOWN_USAGES = [
  'signing',
  'digital signature',
  'content commitment',
  'key encipherment',
  'key agreement',
  'data encipherment',
  'cert sign',
  'crl sign',
  'encipher only',
  'decipher only',
  'any',
  'server auth',
  'client auth',
  'code signing',
  'email protection',
  's/mime',
  'ipsec end system',
  'ipsec tunnel',
  'ipsec user',
  'timestamping',
  'ocsp signing',
  'microsoft sgc',
  'netscape sgc',
];

const fieldPath = (path: PropertyKey[]) =>
  path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );

export function zodInvalid(name: string, err: ZodError): StatusError {
  return invalid(
    KIND,
    GROUP,
    name,
    err.issues.map((i) => ({
      type: i.code === 'invalid_type' && i.message.includes('undefined') ? 'FieldValueRequired' : 'FieldValueInvalid',
      field: fieldPath(i.path),
      detail:
        i.code === 'invalid_type' && i.message.includes('undefined') ? 'Required value' : `Invalid value: ${i.message}`,
    })),
  );
}

/** PEM-decodes spec.request (base64 of the PEM text in JSON) and parses the PKCS#10 inside. */
function requestProblem(requestB64: string): string | undefined {
  const pem = Buffer.from(requestB64, 'base64').toString('utf8');
  if (!/-----BEGIN CERTIFICATE REQUEST-----/.test(pem)) return 'PEM block type must be CERTIFICATE REQUEST';
  try {
    new x509.Pkcs10CertificateRequest(pem);
    return undefined;
  } catch (e) {
    return e instanceof Error ? `asn1: ${e.message}` : 'asn1: structure error';
  }
}

export function validateCreate(name: string, body: CsrBody): FieldError[] {
  const errs: FieldError[] = [];
  const problem = requestProblem(body.spec.request);
  if (problem)
    errs.push({ type: 'FieldValueInvalid', field: 'spec.request', detail: `Invalid value: []byte{...}: ${problem}` });
  const signer = body.spec.signerName ?? '';
  if (!signer) errs.push({ type: 'FieldValueRequired', field: 'spec.signerName', detail: 'Required value' });
  else if (!/^[a-z0-9.-]+\/[A-Za-z0-9._/-]+$/.test(signer))
    errs.push({
      type: 'FieldValueInvalid',
      field: 'spec.signerName',
      detail: `Invalid value: "${signer}": must be a fully qualified domain and path of the form 'example.com/signer-name'`,
    });
  const usages = body.spec.usages ?? [];
  if (usages.length === 0) errs.push({ type: 'FieldValueRequired', field: 'spec.usages', detail: 'Required value' });
  usages.forEach((u, i) => {
    if (!KNOWN_USAGES.includes(u))
      errs.push({
        type: 'FieldValueNotSupported',
        field: `spec.usages[${i}]`,
        detail: `Unsupported value: "${u}": supported values: ${KNOWN_USAGES.map((k) => `"${k}"`).join(', ')}`,
      });
  });
  const secs = body.spec.expirationSeconds;
  if (secs !== undefined && secs < 600)
    errs.push({
      type: 'FieldValueInvalid',
      field: 'spec.expirationSeconds',
      detail: `Invalid value: ${secs}: may not specify a duration less than 600 seconds (10 minutes)`,
    });
  if (!name)
    errs.push({
      type: 'FieldValueRequired',
      field: 'metadata.name',
      detail: 'Required value: name or generateName is required',
    });
  return errs;
}

const APPROVAL_TYPES = ['Approved', 'Denied'];

/** ValidateCertificateSigningRequest{Approval,Status}Update's condition rules. */
export function validateConditions(next: CsrCondition[], prev: CsrCondition[]): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  next.forEach((c, i) => {
    if (['Approved', 'Denied', 'Failed'].includes(c.type)) {
      if (seen.has(c.type))
        errs.push({
          type: 'FieldValueDuplicate',
          field: `status.conditions[${i}].type`,
          detail: `Duplicate value: "${c.type}"`,
        });
      seen.add(c.type);
    }
    if (APPROVAL_TYPES.includes(c.type) && c.status !== 'True')
      errs.push({
        type: 'FieldValueNotSupported',
        field: `status.conditions[${i}].status`,
        detail: `Unsupported value: "${c.status}": supported values: "True"`,
      });
    else if (!['True', 'False', 'Unknown'].includes(c.status))
      errs.push({
        type: 'FieldValueNotSupported',
        field: `status.conditions[${i}].status`,
        detail: `Unsupported value: "${c.status}": supported values: "False", "True", "Unknown"`,
      });
  });
  if (seen.has('Approved') && seen.has('Denied')) {
    const i = next.findIndex((c) => c.type === (prev.some((p) => p.type === 'Denied') ? 'Approved' : 'Denied'));
    const type = next[i]?.type ?? 'Approved';
    errs.push({
      type: 'FieldValueInvalid',
      field: `status.conditions[${i}].type`,
      detail: `Invalid value: "${type}": Approved and Denied conditions are mutually exclusive`,
    });
  }
  for (const t of APPROVAL_TYPES.concat('Failed')) {
    const before = prev.filter((c) => c.type === t).length;
    const after = next.filter((c) => c.type === t).length;
    if (after < before)
      errs.push({
        type: 'FieldValueForbidden',
        field: 'status.conditions',
        detail: `Forbidden: updates may not remove a condition of type "${t}"`,
      });
  }
  return errs;
}

export const csrInvalid = (name: string, errs: FieldError[]) => invalid(KIND, GROUP, name, errs);

const KNOWN_FIELDS: Record<string, string[]> = {
  '': ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  metadata: [
    'name',
    'generateName',
    'namespace',
    'selfLink',
    'uid',
    'resourceVersion',
    'generation',
    'creationTimestamp',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
    'labels',
    'annotations',
    'ownerReferences',
    'finalizers',
    'managedFields',
  ],
  spec: ['request', 'signerName', 'expirationSeconds', 'usages', 'username', 'uid', 'groups', 'extra'],
  status: ['conditions', 'certificate'],
};

/** `?fieldValidation=Strict` (kubectl's default): unknown fields are a 400, worded as the apiserver words it. */
export function unknownFields(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const unknown: string[] = [];
  for (const [section, known] of Object.entries(KNOWN_FIELDS)) {
    const obj = section ? (body as Record<string, unknown>)[section] : body;
    if (typeof obj !== 'object' || obj === null) continue;
    for (const key of Object.keys(obj)) if (!known.includes(key)) unknown.push(section ? `${section}.${key}` : key);
  }
  return unknown;
}
