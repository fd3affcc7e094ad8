import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { z } from 'zod';
import { deadline } from '@/lib/deadline';
import { env } from '@/lib/env';
import { observeApiCall } from '@/lib/observability/prometheus';
import { keepAliveAgent } from './agents';
import { kubeConfigOf, type Kube } from './client';
import { LeadingMemberChunks, leadingMemberRange } from './leading-member';
import {
  describeTarget,
  fromHttpResponse,
  MalformedResponseError,
  ResponseTooLargeError,
  timeoutError,
  toKubeError,
  type Target,
} from './errors';

export interface RawOptions {
  /** deadline for the whole exchange, headers and body */
  timeoutMs: number;
  /** bodies larger than this fail with ResponseTooLargeError (502) without being buffered */
  maxBytes: number;
  signal?: AbortSignal;
  /** a 2xx body is wanted only for its leading member `key`: the rest is read but not kept (LeadingMemberChunks) */
  leadingMember?: string;
}

interface RawResponse {
  status: number;
  /** undecoded: a caller that needs only part of a body decodes only that part (getJsonLeadingMember) */
  bytes: Buffer;
}

/**
 * One GET to the apiserver, built from the context's KubeConfig (CA, client cert, token, exec plugins,
 * proxy-url) but sent by us, so we own the deadline, the size cap and the status handling; client-node's
 * generated clients buffer any size, have no deadline and deserialize into classes with Date fields.
 * `path` is always built inside lib/k8s from fixed templates and encoded names; it never comes from a browser.
 */
async function rawGet(kube: Kube, path: string, target: Target, opts: RawOptions): Promise<RawResponse> {
  return observeApiCall(
    endpointLabel(target),
    () => send(kube, path, target, opts),
    (res) =>
      res.status >= 200 && res.status < 300
        ? 'ok'
        : fromHttpResponse(res.status, res.bytes.toString('utf8'), target, kube.server).reason,
  );
}

/**
 * The `endpoint` label of kd_apiserver_requests_total: resource and verb, or the kubelet endpoint. Built from
 * the Target (fixed in code), never from the URL, so node and object names never become label values.
 */
function endpointLabel(target: Target): string {
  switch (target.kind) {
    case 'api':
      return `${target.resource}${target.group ? `.${target.group}` : ''}.${target.verb}`;
    case 'kubelet':
      return `proxy.${target.endpoint}`;
    case 'metrics':
      return `metrics.nodes.${target.node ? 'get' : 'list'}`;
  }
}

async function send(kube: Kube, path: string, target: Target, opts: RawOptions): Promise<RawResponse> {
  const url = new URL(kube.server.replace(/\/+$/, '') + path);
  const reqOpts: https.RequestOptions = { method: 'GET', headers: { accept: 'application/json' } };
  // not AbortSignal.any + AbortSignal.timeout, which can be collected before it fires on Node 20 (lib/deadline.ts)
  const limit = deadline(opts.timeoutMs, opts.signal);
  const signal = limit.signal;
  try {
    const config = kubeConfigOf(kube);
    await config.applyToHTTPSOptions(reqOpts);
    // Behind a proxy-url client-node's proxy agent stays (per request); otherwise reuse connections.
    if (!config.getCurrentCluster()?.proxyUrl) reqOpts.agent = keepAliveAgent(url.protocol, reqOpts);
    return await new Promise<RawResponse>((resolve, reject) => {
      const lib = url.protocol === 'http:' ? http : https;
      // No Upgrade/Connection headers are ever set: the node proxy must not be turned into a WebSocket or exec.
      const req = lib.request(url, { ...reqOpts, signal }, (res) => {
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > opts.maxBytes) {
          res.destroy();
          reject(new ResponseTooLargeError(describeTarget(target), opts.maxBytes));
          return;
        }
        const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
        const body = opts.leadingMember && ok ? new LeadingMemberChunks(opts.leadingMember) : new WholeBody();
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > opts.maxBytes) {
            res.destroy();
            reject(new ResponseTooLargeError(describeTarget(target), opts.maxBytes));
            return;
          }
          body.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: body.bytes() }));
        res.on('error', reject);
        // A socket cut mid-body (deadline, peer reset) may close without 'end' or 'error'.
        res.on('close', () => {
          if (!res.complete)
            reject(Object.assign(new Error('connection closed before the response ended'), { code: 'ECONNRESET' }));
        });
      });
      req.on('error', reject);
      req.end();
    });
  } catch (err) {
    if (limit.timedOut) throw timeoutError(target, opts.timeoutMs);
    if (opts.signal?.aborted) throw err; // the caller gave up: not our error to describe
    throw toKubeError(err, target, kube.server);
  } finally {
    limit.clear();
  }
}

/** Every chunk of a body, joined at its end. */
class WholeBody {
  private readonly chunks: Buffer[] = [];
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/**
 * GET + JSON + zod: a non-2xx answer becomes the mapped AppError, invalid JSON or a body the schema
 * rejects becomes MalformedResponse (502), never a 422 (the user did nothing wrong).
 */
export async function getJson<S extends z.ZodType>(
  kube: Kube,
  path: string,
  schema: S,
  target: Target,
  opts: RawOptions,
): Promise<z.infer<S>> {
  const res = await rawGet(kube, path, target, opts);
  const body = res.bytes.toString('utf8');
  if (res.status < 200 || res.status > 299) throw fromHttpResponse(res.status, body, target, kube.server);
  return parseBody(body, schema, target);
}

/**
 * getJson when only the first member `key` of the body's top-level object is wanted (a kubelet Summary's
 * `node`): the rest of the body is never parsed (leading-member.ts). `schema` describes `{ [key]: … }`. A body
 * of any other shape is parsed whole, so the answer is the same either way.
 */
export async function getJsonLeadingMember<S extends z.ZodType>(
  kube: Kube,
  path: string,
  key: string,
  schema: S,
  target: Target,
  opts: RawOptions,
): Promise<z.infer<S>> {
  return (await getLeadingMemberBytes(kube, path, key, schema, target, opts)).parse();
}

/**
 * The undecoded bytes of a body's leading member `key` (the whole body when it has another shape), with `parse`
 * that validates them exactly as getJsonLeadingMember would, for a caller that recognises a body it has seen before
 * by its bytes and then need not parse it again (configz: most of a fleet sends byte-identical configs).
 */
export async function getLeadingMemberBytes<S extends z.ZodType>(
  kube: Kube,
  path: string,
  key: string,
  schema: S,
  target: Target,
  opts: RawOptions,
): Promise<{ bytes: Uint8Array; parse: () => z.infer<S> }> {
  const res = await rawGet(kube, path, target, { ...opts, leadingMember: key });
  if (res.status < 200 || res.status > 299)
    throw fromHttpResponse(res.status, res.bytes.toString('utf8'), target, kube.server);
  const range = leadingMemberRange(res.bytes, key);
  if (!range) return { bytes: res.bytes, parse: () => parseBody(res.bytes.toString('utf8'), schema, target) };
  const member = res.bytes.subarray(range[0], range[1]);
  return {
    bytes: member,
    parse: () => parseBody(`{${JSON.stringify(key)}:${member.toString('utf8')}}`, schema, target),
  };
}

function parseBody<S extends z.ZodType>(body: string, schema: S, target: Target): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new MalformedResponseError(describeTarget(target), 'not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'schema mismatch';
    throw new MalformedResponseError(describeTarget(target), where);
  }
  return parsed.data;
}

/** Deadline and size cap of one API-server request (KD_API_TIMEOUT_MS, KD_MAX_API_BODY_BYTES). */
export const apiRequestOptions = (signal?: AbortSignal): RawOptions => ({
  timeoutMs: env().KD_API_TIMEOUT_MS,
  maxBytes: env().KD_MAX_API_BODY_BYTES,
  signal,
});

/** Builds `path?query` dropping undefined values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
