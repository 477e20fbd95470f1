/**
 * The training engine's client (`src/train/client.ts`), loaded once per page, on first use: the
 * widgets that train in the engine (the network trainer, the digits) import it only when the
 * student first trains, so a page where nobody trains loads no engine at all.
 */
export type ClientModule = typeof import('../../train/client');

let clientPromise: Promise<ClientModule> | undefined;

/** The engine's client module, downloaded on the first call and shared by every later one. */
export function loadClient(): Promise<ClientModule> {
  clientPromise ??= import('../../train/client');
  // A failed download may succeed later (back online): forget the failure.
  clientPromise.catch(() => (clientPromise = undefined));
  return clientPromise;
}
