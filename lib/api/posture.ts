import type { PostureReport } from '@/lib/domain/posture/report';
import * as z from '@/lib/zod-mini';
import { StaleFields } from './freshness';

/**
 * Wire contract of GET /api/posture (kubelet security posture, issue 17). Browser-safe: zod/mini only.
 *
 * Query: `selector` (label selector, matched against the watched nodes), `view` = full (default: every node's
 * status and effective value per check) | summary (counts per check: the /posture page) | nodes (per-node
 * counts: the node list's posture column) | check (one `check`, nodes grouped by value: the drill-down),
 * `format` = json (default) | csv | sarif (downloads; always every node and check).
 */
const POSTURE_VIEWS = ['full', 'summary', 'nodes', 'check'] as const;
const POSTURE_FORMATS = ['json', 'csv', 'sarif'] as const;

/** Label selector text as kubectl accepts it, bounded; parsed (and rejected with the reason) on the server. */
const SelectorSchema = z
  .string()
  .check(z.maxLength(1024), z.regex(/^[\w./\-=!,()<> ]*$/, 'not a valid label selector'));

export const PostureQuerySchema = z.object({
  view: z._default(z.enum(POSTURE_VIEWS), 'full'),
  /** a check id ("4.2.1", "V-242434"); an id the catalog does not have is a 404 */
  check: z.optional(z.string().check(z.regex(/^(4\.[12]\.\d{1,2}|V-\d{6})$/, 'not a check id'))),
  selector: z.optional(SelectorSchema),
  format: z._default(z.enum(POSTURE_FORMATS), 'json'),
});
export type PostureQuery = z.infer<typeof PostureQuerySchema>;

const StatusSchema = z.enum(['pass', 'fail', 'unknown', 'n/a']);
const CountsSchema = z.object({ pass: z.number(), fail: z.number(), unknown: z.number(), 'n/a': z.number() });
export type PostureCounts = z.infer<typeof CountsSchema>;

const BenchmarkInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  sections: z.string(),
  url: z.string(),
  encodedFrom: z.string(),
});

const ValueGroupSchema = z.object({
  status: StatusSchema,
  value: z.string(),
  source: z.enum(['configz', 'zero', 'default', 'not-in-configz']),
  reason: z.string(),
  note: z.optional(z.string()),
  nodes: z.array(z.string()),
});

const CheckReportSchema = z.object({
  id: z.string(),
  benchmark: z.enum(['cis', 'stig']),
  title: z.string(),
  level: z.nullable(z.enum(['L1', 'L2', 'CAT I', 'CAT II', 'CAT III'])),
  assessment: z.enum(['Automated', 'Manual']),
  fields: z.array(z.string()),
  flags: z.array(z.string()),
  rule: z.string(),
  remediation: z.object({ config: z.string(), flag: z.string(), note: z.optional(z.string()) }),
  related: z.array(z.string()),
  decidable: z.boolean(),
  counts: CountsSchema,
  nodes: z.optional(z.record(z.string(), StatusSchema)),
  values: z.optional(z.record(z.string(), z.string())),
  groups: z.optional(z.array(ValueGroupSchema)),
});
export type CheckReportWire = z.infer<typeof CheckReportSchema>;

/** @internal the browser does not re-validate it (lib/queries/posture.ts); the server's tests check its output with it */
export const PostureReportSchema = z.object({
  context: z.string(),
  fetchedAt: z.string(),
  benchmark: z.object({ cis: BenchmarkInfoSchema, stig: BenchmarkInfoSchema }),
  selector: z.optional(z.string()),
  totals: z.object({ nodes: z.number(), evaluated: z.number(), unreadable: z.number(), pending: z.number() }),
  checks: z.array(CheckReportSchema),
  unreadable: z.record(z.string(), z.string()),
  /** full and nodes views only; the others carry the count in totals.pending (lib/domain/posture/report.ts) */
  pending: z.optional(z.array(z.string())),
  nodeCounts: z.optional(z.record(z.string(), CountsSchema)),
  /** while the node watch is failing (fetchedAt is then its last successful sync) */
  ...StaleFields,
});
export type PostureReportWire = z.infer<typeof PostureReportSchema>;

// The domain builds the report; this contract must accept exactly what it builds.
export const reportToWire = (r: PostureReport): PostureReportWire => r;
