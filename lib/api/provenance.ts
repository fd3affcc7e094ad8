import { z } from 'zod';

/**
 * Wire contract of POST /api/nodes/{name}/explain (browser ↔ route handler). Browser-safe: zod only.
 * Pasted node files are bounded: a unit, env file or config.yaml is a few KiB, so 64 KiB per text and
 * 192 KiB in all leave room for `systemctl cat` output without letting a paste exhaust the server.
 */
export const MAX_INPUT_CHARS = 64 * 1024;
const MAX_TOTAL_CHARS = 192 * 1024;
export const MAX_INPUTS = 16;
/** The request body as a whole: JSON escaping (newlines, quotes) can double pasted text; the schema enforces the real per-text limits. */
export const MAX_EXPLAIN_BODY_BYTES = 2 * MAX_TOTAL_CHARS + 16 * 1024;

const kib = (n: number) => `${Math.ceil(n / 1024).toLocaleString('en-US')} KiB`;

/** Why a pasted text of `chars` characters cannot be sent (said in the browser before sending; the server's schema says the same). */
export function inputTooLarge(chars: number): string | undefined {
  return chars > MAX_INPUT_CHARS ? `too large: ${kib(chars)} (limit ${kib(MAX_INPUT_CHARS)})` : undefined;
}

/** Why the request as a whole cannot be sent: the server's total and body limits, checked in the browser first. */
export function explainRequestTooLarge(body: ExplainRequest): string | undefined {
  const total = body.inputs.reduce((n, i) => n + i.content.length, 0);
  if (total > MAX_TOTAL_CHARS) return `pasted texts too large: ${kib(total)} in all (limit ${kib(MAX_TOTAL_CHARS)})`;
  const bytes = new TextEncoder().encode(JSON.stringify(body)).length;
  if (bytes > MAX_EXPLAIN_BODY_BYTES) return `request too large: ${kib(bytes)} (limit ${kib(MAX_EXPLAIN_BODY_BYTES)})`;
  return undefined;
}

export const InputKindSchema = z.enum(['auto', 'unit', 'env', 'kubelet-config', 'command-line', 'containerd-config']);
export type InputKindChoice = z.infer<typeof InputKindSchema>;

const PastedInputSchema = z.object({
  kind: InputKindSchema,
  /** path on the node (labels sources, e.g. /etc/default/kubelet); free text for command lines */
  path: z.string().trim().max(512),
  content: z.string().max(MAX_INPUT_CHARS, `each pasted text is limited to ${MAX_INPUT_CHARS / 1024} KiB`),
});

export const ExplainRequestSchema = z
  .object({
    inputs: z.array(PastedInputSchema).min(1, 'paste at least one file or command line').max(MAX_INPUTS),
    /** use kube-system/kubelet-config when --config names a file that was not pasted (kubeadm nodes) */
    useClusterConfigMap: z.boolean().default(true),
  })
  .refine((b) => b.inputs.reduce((n, i) => n + i.content.length, 0) <= MAX_TOTAL_CHARS, {
    message: `pasted texts are limited to ${MAX_TOTAL_CHARS / 1024} KiB in all`,
  })
  .refine((b) => b.inputs.some((i) => i.content.trim() !== ''), { message: 'everything pasted is empty' });
export type ExplainRequest = z.input<typeof ExplainRequestSchema>;

const SeveritySchema = z.enum(['error', 'warning', 'info']);

const ProvenanceWarningSchema = z.object({
  severity: SeveritySchema,
  code: z.string(),
  message: z.string(),
  flag: z.string().optional(),
  field: z.string().optional(),
});

const FieldRowSchema = z.object({
  path: z.string(),
  status: z.enum(['explained', 'unexplained', 'not-live', 'predicted']),
  live: z.unknown().optional(),
  predicted: z.unknown().optional(),
  source: z.string().optional(),
  sourceKind: z.enum(['default', 'config', 'flag', 'derived']).optional(),
  overridden: z.array(z.object({ value: z.unknown(), source: z.string() })),
});
export type FieldRow = z.infer<typeof FieldRowSchema>;

const FlagRowSchema = z.object({
  flag: z.string(),
  value: z.string(),
  type: z.enum(['config', 'kubelet-only', 'removed', 'unknown']),
  field: z.string().optional(),
  where: z.string(),
});
export type FlagRow = z.infer<typeof FlagRowSchema>;

/** A part of the answer that could not be fetched (configz unreachable, ConfigMap forbidden…). */
const UnavailableSchema = z.object({ reason: z.string(), code: z.number().int(), message: z.string() });

export const ExplainResponseSchema = z.object({
  node: z.string(),
  version: z.string(),
  argv: z.array(z.string()),
  flags: z.array(FlagRowSchema),
  fields: z.array(FieldRowSchema),
  warnings: z.array(ProvenanceWarningSchema),
  notes: z.array(z.string()),
  liveCompared: z.boolean(),
  /** why the live configz is missing from the comparison, if it is */
  liveUnavailable: UnavailableSchema.optional(),
  /** the kubeadm ConfigMap consulted, if any */
  configMap: z.string().optional(),
  summary: z.object({ explained: z.number(), unexplained: z.number(), notLive: z.number() }),
});
export type ExplainResponse = z.infer<typeof ExplainResponseSchema>;
