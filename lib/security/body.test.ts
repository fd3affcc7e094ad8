import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { toStatus } from '@/lib/errors';
import { readJsonBody } from './body';

const Schema = z.object({ a: z.number() });
const req = (body: string, type = 'application/json') =>
  new Request('http://x/', { method: 'POST', headers: { 'content-type': type }, body });

describe('readJsonBody', () => {
  it('parses a valid body', async () => {
    await expect(readJsonBody(req('{"a":1}'), Schema)).resolves.toEqual({ a: 1 });
  });
  it('refuses other content types, bad JSON, oversized bodies and schema violations', async () => {
    await expect(readJsonBody(req('{"a":1}', 'text/plain'), Schema)).rejects.toMatchObject({ code: 415 });
    await expect(readJsonBody(req('{a:1'), Schema)).rejects.toMatchObject({ code: 400 });
    await expect(readJsonBody(req(JSON.stringify({ a: 1, pad: 'x'.repeat(100) })), Schema, 50)).rejects.toMatchObject({
      code: 413,
    });
    // a schema violation is a ZodError, answered as 422 Invalid with what was wrong, for full and mini schemas
    for (const schema of [Schema, zm.object({ a: zm.number() })]) {
      const err = await readJsonBody(req('{"a":"1"}'), schema).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(z.core.$ZodError);
      expect(toStatus(err)).toMatchObject({ code: 422, reason: 'Invalid' });
      expect(toStatus(err).message).toContain('a');
    }
  });
});
