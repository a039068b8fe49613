/**
 * The one way the web app talks to the API: JSON, same-origin cookies, the CSRF header on every
 * write, and errors turned into ApiError with per-field messages for forms.
 */

export interface FieldError {
  field?: string;
  message: string;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: FieldError[]; requestId?: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * Messages keyed by field path ("consent.basis") and by top-level field ("consent", "roles" for
   * "roles.0"), so a form input finds the message for itself or for any of its items.
   */
  get fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const detail of this.details) {
      if (!detail.field) continue;
      fields[detail.field] ??= detail.message;
      const top = detail.field.split('.')[0];
      if (top) fields[top] ??= detail.message;
    }
    return fields;
  }

  /** True when the request never reached the server (offline, DNS, timeout). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the session's CSRF token (from the login and /api/me responses). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers 401 `unauthenticated`: the session ended, go to sign-in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return apiResponse<T>(
    fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    }),
  );
}

/**
 * The answer to a request already sent (for example /api/me, sent by the boot script before the
 * app's code arrived: web/build/boot-script.ts), read as apiRequest reads its own.
 */
export async function apiResponse<T>(sent: Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await sent;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  const error = toApiError(response.status, payload as ErrorBody | null);
  if (error.status === 401 && error.code === 'unauthenticated') onUnauthenticated?.();
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toApiError(status: number, body: ErrorBody | null): ApiError {
  const error = body?.error;
  const code = error?.code ?? (status === 429 ? 'rate_limited' : status >= 500 ? 'internal' : 'http_error');
  const message = error?.message ?? `HTTP ${status}`;
  return new ApiError(status, code, message, error?.details ?? [], error?.requestId);
}
