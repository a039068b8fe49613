/**
 * What the boot script (web/build/boot-script.ts) started before the app's code arrived: the
 * /api/me request, sent as the page began to load, and the opened page's first data request.
 * Each is handed out once; asking again later is a new request.
 */
interface Boot {
  me?: Promise<Response>;
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

/** The boot script's request of exactly this address (path and query), once. */
export function takeBootRequest(url: string): Promise<Response> | null {
  const requests = boot()?.requests;
  const sent = requests?.[url] ?? null;
  if (requests) requests[url] = undefined;
  return sent;
}
