/**
 * What the boot script (web/build/boot-script.ts) started before the app's code arrived: the
 * /api/me request, sent as the page began to load, and the opened page's first data request.
 * Each is handed out once; asking again later is a new request.
 */
interface Boot {
  me?: Promise<Response>;
  /** Settles once the opened page's request has been sent, or it is known that it will not be. */
  ready?: Promise<unknown>;
  requests?: Record<string, Promise<Response> | undefined>;
}

declare global {
  interface Window {
    __passerelleBoot?: Boot;
  }
}

const boot = (): Boot | undefined => (typeof window === 'undefined' ? undefined : window.__passerelleBoot);

/** True when the boot script ran: it preloads the opened page's code and strings itself. */
export function bootScriptRan(): boolean {
  return boot() !== undefined;
}

/** The boot script's /api/me request, once. */
export function takeBootMeRequest(): Promise<Response> | null {
  const started = boot();
  const sent = started?.me ?? null;
  if (started) started.me = undefined;
  return sent;
}

/**
 * The answer to the boot script's request of exactly this address (path and query), taken once;
 * null when it sent none or the request failed (the caller then asks itself). Waits until the
 * boot script has decided (it needs /api/me's answer first, which the app may have read a moment
 * earlier): asking at once raced it, and both sent the request.
 */
export async function takeBootRequest(url: string): Promise<Response | null> {
  const started = boot();
  await started?.ready;
  const requests = started?.requests;
  const sent = requests?.[url];
  if (!requests || !sent) return null;
  requests[url] = undefined;
  return sent.catch(() => null);
}
