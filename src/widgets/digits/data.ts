/**
 * The digits asset, fetched once per page and URL, on first use (never by the course map or another
 * lesson: only `<nn-digits>` calls this). The URL comes from `virtual:mnist-digits`
 * (scripts/digits-plugin.ts); a failed download or a damaged file rejects with a sentence, and is
 * forgotten so that Retry fetches it again.
 */
import { DigitsAssetError, decodeDigits, type DigitsData } from '../../math/digits-asset';

const cache = new Map<string, Promise<DigitsData>>();

/** The course's own copy of the digits. */
export async function defaultDigitsUrl(): Promise<string> {
  const { digitsUrl } = await import('virtual:mnist-digits');
  return digitsUrl;
}

async function fetchDigits(url: string): Promise<DigitsData> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new DigitsAssetError(
      'The handwritten digits could not be downloaded: the network did not answer.',
    );
  }
  if (!response.ok) {
    throw new DigitsAssetError(
      `The handwritten digits could not be downloaded: the server answered ${response.status}.`,
    );
  }
  return decodeDigits(await response.arrayBuffer());
}

/** The decoded digits at `url` (the course's own when absent), fetched at most once while it works. */
export async function loadDigits(url?: string): Promise<DigitsData> {
  const where = url ?? (await defaultDigitsUrl());
  let pending = cache.get(where);
  if (!pending) {
    pending = fetchDigits(where);
    cache.set(where, pending);
    pending.catch(() => cache.delete(where));
  }
  return pending;
}

/** The words for a failure, whatever was thrown. */
export function loadErrorMessage(error: unknown): string {
  if (error instanceof DigitsAssetError) return error.message;
  return `The handwritten digits could not be loaded: ${error instanceof Error ? error.message : String(error)}.`;
}
