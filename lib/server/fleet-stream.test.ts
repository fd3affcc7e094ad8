import { describe, expect, it } from 'vitest';
import { cappedSend } from './fleet-stream';

/** A byte-counting stream like the fleet stream's, with `send` capped at `max` unread bytes. */
function stream(max: number) {
  let cuts = 0;
  let send: (frame: Uint8Array) => boolean = () => false;
  const s = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        send = cappedSend(controller, max, () => cuts++);
      },
    },
    { highWaterMark: max, size: (chunk) => chunk.byteLength },
  );
  return { s, send: (n: number) => send(new Uint8Array(n)), cuts: () => cuts };
}

describe('cappedSend: a viewer who stops reading is cut once too much waits unread', () => {
  it('keeps a viewer who reads, however much passes through', async () => {
    const { s, send, cuts } = stream(1000);
    const reader = s.getReader();
    for (let i = 0; i < 50; i++) {
      expect(send(600)).toBe(true);
      expect((await reader.read()).value?.byteLength).toBe(600);
    }
    expect(cuts()).toBe(0);
  });

  it('cuts a viewer with more than the cap unread, once, and drops what was queued', async () => {
    const { s, send, cuts } = stream(1000);
    expect(send(600)).toBe(true);
    expect(send(400)).toBe(true); // exactly at the cap: still kept
    expect(send(1)).toBe(false);
    expect(send(1)).toBe(false);
    expect(cuts()).toBe(1);
    // the stream errors rather than closing: the queued frames are not sent first, the connection ends now
    await expect(s.getReader().read()).rejects.toThrow(/viewer too slow: more than 1000 bytes unread/);
  });
});
