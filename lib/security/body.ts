import 'server-only';
import * as z from '@/lib/zod-mini';
import { AppError } from '@/lib/errors';

/** Mutation bodies are small JSON documents; anything larger is refused before parsing (as micro does: 413). */
const MAX_BODY_BYTES = 256 * 1024;

const kib = (n: number) => `${Math.ceil(n / 1024).toLocaleString('en-US')} KiB`;
const tooLarge = (bytes: number, maxBytes: number) =>
  new AppError('BadRequest', 413, `Request too large: ${kib(bytes)} (limit ${kib(maxBytes)}).`);

/**
 * Reads and validates a JSON request body: 415 unless `content-type: application/json`, 413 past the size
 * limit, 400 for invalid JSON, and a ZodError (422 through toStatus) when the schema rejects it.
 */
export async function readJsonBody<S extends z.$ZodType>(
  req: Request,
  schema: S,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.output<S>> {
  if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json'))
    throw new AppError('BadRequest', 415, 'Send the body as application/json.');
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared, maxBytes);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(Buffer.byteLength(text), maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('BadRequest', 400, 'Body is not valid JSON.');
  }
  return z.parse(schema, json); // any zod schema, full or mini
}
