/**
 * The whole HTTP layer, after vercel/micro: handlers return a `Reply` or throw an `HttpError`;
 * only `send` writes a response. Streaming handlers (watch, hung kubelets) use `startStream`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
  statusCode?: number;
  /** A value to serialise as JSON, or an already serialised JSON string (`raw`). */
  json?: unknown;
  raw?: string;
  /** binary body (protobuf) */
  bytes?: Buffer;
  text?: string;
  contentType?: string;
}

/** Sentinel returned by handlers that wrote (or will write) the response themselves. */
export const STREAMED = Symbol('streamed');
export type HandlerResult = Reply | typeof STREAMED;

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    /** JSON body (a Kubernetes Status) or plain text passed through as is. */
    readonly body: unknown,
    readonly contentType = 'application/json',
  ) {
    super(typeof body === 'string' ? body : (messageOf(body) ?? `HTTP ${statusCode}`));
    this.name = new.target.name;
  }
}

function messageOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('message' in body)) return undefined;
  return typeof body.message === 'string' ? body.message : undefined;
}

function send(res: ServerResponse, statusCode: number, body: string | Buffer, contentType: string): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(statusCode, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache, private',
  });
  res.end(body);
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  const statusCode = reply.statusCode ?? 200;
  if (reply.bytes !== undefined)
    return send(res, statusCode, reply.bytes, reply.contentType ?? 'application/octet-stream');
  if (reply.text !== undefined)
    return send(res, statusCode, reply.text, reply.contentType ?? 'text/plain; charset=utf-8');
  const body = reply.raw ?? JSON.stringify(reply.json);
  send(res, statusCode, body, reply.contentType ?? 'application/json');
}

export function sendError(res: ServerResponse, err: HttpError): void {
  const body = typeof err.body === 'string' ? err.body : JSON.stringify(err.body);
  send(res, err.statusCode, body, err.contentType);
}

/** Begins a chunked response; the caller writes lines and ends it. */
export function startStream(res: ServerResponse, contentType: string): void {
  res.writeHead(200, {
    'Content-Type': contentType,
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  res.flushHeaders();
}

const DEFAULT_BODY_LIMIT = 3 * 1024 * 1024; // the apiserver's own request body cap is 3 MiB

/** Reads the body as text; 413 past `limitBytes`. */
async function readText(req: IncomingMessage, limitBytes = DEFAULT_BODY_LIMIT): Promise<string> {
  return (await readBuffer(req, limitBytes)).toString('utf8');
}

/** Reads the raw body; 413 past `limitBytes`. */
export async function readBuffer(req: IncomingMessage, limitBytes = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk instanceof Buffer ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > limitBytes) throw tooLarge(limitBytes);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body; 400 on bad JSON, 413 when too large. */
export async function readJson(req: IncomingMessage, limitBytes = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const text = await readText(req, limitBytes);
  try {
    return JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : 'invalid JSON';
    throw new HttpError(400, statusBody(400, 'BadRequest', `error decoding request body: ${detail}`));
  }
}

function tooLarge(limitBytes: number): HttpError {
  return new HttpError(
    413,
    statusBody(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limitBytes}`),
  );
}

/** Minimal Status used by the transport layer itself (the richer builders live in status.ts). */
function statusBody(code: number, reason: string, message: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}
