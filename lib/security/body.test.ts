import { describe, expect, it } from 'vitest';
import { z, ZodError } from 'zod';
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
    await expect(readJsonBody(req('{"a":"1"}'), Schema)).rejects.toBeInstanceOf(ZodError);
  });
});
