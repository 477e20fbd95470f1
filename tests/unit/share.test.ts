/** Lessons in links (src/lesson/share.ts): round trips, the version byte, and what is refused. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  MAX_SHARED_SOURCE_BYTES,
  MAX_SHARE_PAYLOAD_CHARS,
  SHARE_VERSION,
  ShareError,
  decodeLesson,
  encodeLesson,
  fromBase64Url,
  toBase64Url,
} from '../../src/lesson/share';

const lesson8 = readFileSync(
  new URL('../../lessons/08-training-a-network.md', import.meta.url),
  'utf8',
);

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('share links', () => {
  it('round-trips a course lesson, smaller than its text, in the URL-fragment alphabet', async () => {
    const payload = await encodeLesson(lesson8);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(lesson8.length / 2);
    expect(await decodeLesson(payload)).toEqual({ ok: true, source: lesson8 });
  });

  it('round-trips any Unicode text, and an empty lesson', async () => {
    for (const text of ['', 'σ(0) = ½ — “quotes” 🧠\r\n\ttab', '\u0000\uFFFF']) {
      expect(await decodeLesson(await encodeLesson(text))).toEqual({ ok: true, source: text });
    }
  });

  it('starts with the version byte', async () => {
    const bytes = fromBase64Url(await encodeLesson('hello'))!;
    expect(bytes[0]).toBe(SHARE_VERSION);
    expect(SHARE_VERSION).toBe(1);
  });

  it('base64url round-trips every length of bytes', () => {
    for (let n = 0; n < 20; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(toBase64Url(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('refuses another version byte with words that say so', async () => {
    const bytes = fromBase64Url(await encodeLesson('hello'))!;
    bytes[0] = 2;
    const result = await decodeLesson(toBase64Url(bytes));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(
        /made by another version of Gradient Trail \(format 2; this one reads format 1\)/,
      ),
    });
  });

  it('refuses a damaged, truncated, empty or foreign payload as damaged', async () => {
    const payload = await encodeLesson(lesson8);
    const damaged = [
      payload.slice(0, payload.length / 2), // cut short
      payload.slice(0, 10) + (payload[10] === 'A' ? 'B' : 'A') + payload.slice(11), // one character changed
      'AQ', // the version byte and nothing else
      'not base64url!', // outside the alphabet
      'A', // an impossible length
    ];
    for (const p of damaged) {
      const result = await decodeLesson(p);
      expect(result.ok, p.slice(0, 20)).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/damaged|another version|no lesson/);
    }
    expect(await decodeLesson('')).toEqual({
      ok: false,
      reason: expect.stringMatching(/holds no lesson/),
    });
  });

  it('refuses text that is not UTF-8', async () => {
    const packed = await deflate(new Uint8Array([0xff, 0xfe, 0x80]));
    const result = await decodeLesson(toBase64Url(new Uint8Array([SHARE_VERSION, ...packed])));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/damaged/) });
  });

  it('stops unpacking a small link that holds 10 MB, and says it is too large', async () => {
    const bomb = await deflate(new Uint8Array(10 * 1024 * 1024).fill(0x61));
    const payload = toBase64Url(new Uint8Array([SHARE_VERSION, ...bomb]));
    expect(payload.length).toBeLessThan(MAX_SHARE_PAYLOAD_CHARS);
    const result = await decodeLesson(payload);
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/too large to open: its text is over 256 KB/),
    });
  });

  it('refuses a payload longer than the limit before reading it', async () => {
    const result = await decodeLesson('A'.repeat(MAX_SHARE_PAYLOAD_CHARS + 4));
    expect(result).toEqual({
      ok: false,
      reason: expect.stringMatching(/too long to be a shared lesson/),
    });
  });

  it('will not make a link of a lesson too large for one', async () => {
    await expect(encodeLesson('a'.repeat(MAX_SHARED_SOURCE_BYTES + 1))).rejects.toThrow(ShareError);
    await expect(encodeLesson('a'.repeat(MAX_SHARED_SOURCE_BYTES + 1))).rejects.toThrow(
      /too large to share as a link .*Download it as a \.md file/,
    );
    // Text that does not compress: within the text limit, but the link would be too long.
    const noise = Array.from({ length: 120_000 }, (_, i) =>
      String.fromCharCode(33 + ((i * 7919 + ((i * i) % 65521)) % 90)),
    ).join('');
    await expect(encodeLesson(noise)).rejects.toThrow(/the link would be \d+ characters/);
  });
});
