/**
 * A lesson's Markdown in a link, with no server: the text is compressed (`CompressionStream`,
 * raw DEFLATE), a version byte is put in front, and the bytes are written in base64url, the
 * alphabet of URL fragments (`A–Z a–z 0–9 - _`, no padding). The studio writes such links and the
 * shared-lesson page, the lesson frame (embed.html) and the studio's import read them.
 *
 *   payload = base64url( [SHARE_VERSION] ++ deflate-raw( UTF-8 source ) )
 *
 * Reading refuses, with a message a student can act on: a payload that is not base64url, an empty
 * one, one with another version byte, one whose DEFLATE stream is broken or whose text is not
 * UTF-8, and one that is too large (the link, or the text it unpacks to: a tiny link can unpack to
 * megabytes, so unpacking stops at the limit instead of filling memory).
 */

/** The format of the bytes after the version byte. A new format gets a new number. */
export const SHARE_VERSION = 1;
/** The longest lesson text a link may carry (UTF-8 bytes): a long course lesson is ~40 KB. */
export const MAX_SHARED_SOURCE_BYTES = 256 * 1024;
/** The longest payload accepted (characters): browsers, mail and chat keep links far longer. */
export const MAX_SHARE_PAYLOAD_CHARS = 64 * 1024;

export type ShareDecode = { ok: true; source: string } | { ok: false; reason: string };

export class ShareError extends Error {
  override name = 'ShareError';
}

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** The link payload for `source`. Throws `ShareError` when the lesson is too large for a link. */
export async function encodeLesson(source: string): Promise<string> {
  const text = new TextEncoder().encode(source);
  if (text.length > MAX_SHARED_SOURCE_BYTES) {
    throw new ShareError(
      `This lesson is too large to share as a link (${kib(text.length)} of text; a link holds up to ` +
        `${kib(MAX_SHARED_SOURCE_BYTES)}). Download it as a .md file and share the file instead.`,
    );
  }
  const packed = await pump(
    new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw')),
  );
  const bytes = new Uint8Array(packed.length + 1);
  bytes[0] = SHARE_VERSION;
  bytes.set(packed, 1);
  const payload = toBase64Url(bytes);
  if (payload.length > MAX_SHARE_PAYLOAD_CHARS) {
    throw new ShareError(
      `This lesson is too large to share as a link (the link would be ${payload.length} characters; ` +
        `the limit is ${MAX_SHARE_PAYLOAD_CHARS}). Download it as a .md file and share the file instead.`,
    );
  }
  return payload;
}

const CORRUPT =
  'This link to a shared lesson is damaged: part of it is missing or was changed. Ask its author to copy the link again (the whole of it).';

/** The lesson text in a link payload, or why it cannot be read. Never throws. */
export async function decodeLesson(payload: string): Promise<ShareDecode> {
  const trimmed = payload.trim();
  if (trimmed === '')
    return { ok: false, reason: 'This link holds no lesson: the part after “#/shared/” is empty.' };
  if (trimmed.length > MAX_SHARE_PAYLOAD_CHARS) {
    return {
      ok: false,
      reason: `This link is too long to be a shared lesson (${trimmed.length} characters; the limit is ${MAX_SHARE_PAYLOAD_CHARS}).`,
    };
  }
  const bytes = fromBase64Url(trimmed);
  if (!bytes || bytes.length < 2) return { ok: false, reason: CORRUPT };
  if (bytes[0] !== SHARE_VERSION) {
    return {
      ok: false,
      reason:
        `This link was made by another version of Gradient Trail (format ${bytes[0]}; this one reads format ${SHARE_VERSION}). ` +
        'Reload the page to get the latest version, or ask the author for the .md file.',
    };
  }
  let text: Uint8Array;
  try {
    text = await pump(
      new Blob([bytes.slice(1)]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
      MAX_SHARED_SOURCE_BYTES,
    );
  } catch (error) {
    if (error instanceof ShareError) return { ok: false, reason: error.message };
    return { ok: false, reason: CORRUPT };
  }
  try {
    return { ok: true, source: new TextDecoder('utf-8', { fatal: true }).decode(text) };
  } catch {
    return { ok: false, reason: CORRUPT };
  }
}

/** Reads a byte stream to its end; past `limit` bytes it stops reading and throws `ShareError`. */
async function pump(stream: ReadableStream<Uint8Array>, limit = Infinity): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ShareError(
        `This shared lesson is too large to open: its text is over ${kib(limit)}. Ask its author for the .md file instead.`,
      );
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes of a base64url string, or undefined for a character outside the alphabet or a bad length. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const chars = Math.min(4, text.length - i);
    for (let k = 0; k < 4; k++) {
      const v = k < chars ? INDEX.get(text[i + k]!) : 0;
      if (v === undefined) return undefined;
      n = (n << 6) | v;
    }
    for (let k = 0; k < chars - 1; k++) out[at++] = (n >> (16 - 8 * k)) & 255;
  }
  return out.subarray(0, at);
}
